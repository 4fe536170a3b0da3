/**
 * A session that ends while the console is open (idle timeout, revoked elsewhere) is a lapse,
 * not a sign-out: the page stays as it is, with whatever was typed, and a dialog asks for the
 * password again (SessionLapsedDialog). The flag in localStorage tells a reloaded page's sign-in
 * form why it is shown. No React here: the Apollo link and the authProvider report to it.
 */
const LAPSED_KEY = 'gw.session.lapsed';

type Listener = (lapsed: boolean) => void;
const listeners = new Set<Listener>();
let signedIn = false;
let lapsed = false;

function store(value: boolean): void {
  try {
    if (value) localStorage.setItem(LAPSED_KEY, '1');
    else localStorage.removeItem(LAPSED_KEY);
  } catch {
    // Private mode without storage: the dialog still works, a reload just says less.
  }
}

/** The authProvider's word on who is signed in (after sign-in, sign-out, or the first `me`). */
export function markSignedIn(value: boolean): void {
  signedIn = value;
  if (value) setLapsed(false);
}

/** A request answered UNAUTHENTICATED: a lapse if someone was signed in on this page. */
export function reportUnauthenticated(): boolean {
  if (!signedIn && !lapsed) return false;
  signedIn = false;
  setLapsed(true);
  return true;
}

/** A deliberate sign-out: nothing lapsed. */
export function forgetLapse(): void {
  signedIn = false;
  setLapsed(false);
}

function setLapsed(value: boolean): void {
  store(value);
  if (lapsed === value) return;
  lapsed = value;
  for (const listener of listeners) listener(value);
}

export function isLapsed(): boolean {
  return lapsed;
}

/** Whether the last page's session lapsed (for the sign-in form of a reloaded page). */
export function lapsedBefore(): boolean {
  try {
    return localStorage.getItem(LAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function onLapse(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
