/**
 * Characters no text of ours may hold, each with what the caller is told:
 * - U+0000: PostgreSQL text cannot hold it (it failed inside a statement, as INTERNAL_SERVER_ERROR);
 * - the other C0 controls but tab, line feed and carriage return, and DEL: invisible in the
 *   console and in exports;
 * - the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they
 *   make a name read differently from what it is ("Trojan source").
 */
export const REFUSED_TEXT: [RegExp, string][] = [
  [/\u0000/, 'Text may not contain the NUL character (U+0000)'],
  [/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]/, 'Text may not contain control characters (only tab and line breaks)'],
  [/[\u202a-\u202e\u2066-\u2069]/, 'Text may not contain bidirectional override or isolate characters (U+202A-U+202E, U+2066-U+2069)'],
];

/** Any of them, to strip from text stored before the rule (exports): the same classes, global. */
export const REFUSED_ANYWHERE = new RegExp(REFUSED_TEXT.map(([pattern]) => pattern.source).join('|'), 'g');

/** What is wrong with a text, in the words the caller is told; null when nothing is. */
export function textProblem(text: string): string | null {
  return REFUSED_TEXT.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}
