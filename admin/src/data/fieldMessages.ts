/**
 * The API words a field problem in English (class-validator's messages and its own rules);
 * the form shows it through the message packs instead: known wordings become
 * gw.errors.field.<rule> with their numbers, anything else the pack's generic message.
 */
const RULES: [RegExp, string][] = [
  [/unified social credit code/, 'credit_code'],
  [/pollution-source code/, 'source_code'],
  [/must not be greater than (?<max>-?[\d.]+)/, 'max'],
  [/must not be less than (?<min>-?[\d.]+)/, 'min'],
  [/must be longer than or equal to (?<min>\d+) characters/, 'min_length'],
  [/must be shorter than or equal to (?<max>\d+) characters/, 'max_length'],
  [/must contain no more than (?<max>\d+) elements/, 'max_items'],
  [/must contain at least (?<min>\d+) elements/, 'min_items'],
  [/should not be empty/, 'required'],
  [/^may not be blank$/, 'blank'],
  [/^empty population$/, 'empty_population'],
];

/** react-admin's ValidationError reads a message with arguments in this form (ra-core validate). */
const WITH_ARGS = '@@react-admin@@';

export function fieldMessage(message: string): string {
  for (const [pattern, rule] of RULES) {
    const match = pattern.exec(message);
    if (match) return `${WITH_ARGS}${JSON.stringify({ message: `gw.errors.field.${rule}`, args: { ...match.groups } })}`;
  }
  return 'gw.errors.field.invalid';
}
