interface SessionAnswer {
  data?: { me: { account: { id: string } } | null };
}

declare global {
  interface Window {
    /** The session check index.html starts as the page arrives (a plain fetch: no Apollo needed). */
    gwSession?: Promise<SessionAnswer | null>;
  }
}

/**
 * Whether this browser is signed in: the sign-in page must not wait for Apollo, react-admin and
 * the app's screens (see Boot.tsx). `unknown` (offline, a server error) leaves the decision to
 * the app, which has the offline snapshot and the error mapping.
 */
export async function sessionState(): Promise<'signed-in' | 'signed-out' | 'unknown'> {
  const answer = await (window.gwSession ?? Promise.resolve(null));
  if (answer?.data?.me === null) return 'signed-out';
  return answer?.data?.me ? 'signed-in' : 'unknown';
}
