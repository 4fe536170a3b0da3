import { lazy, Suspense, useEffect, useState } from 'react';
import { sessionState } from './session';
import { SignIn } from './SignIn';

// Everything behind the sign-in (react-admin, Apollo, the screens): a chunk of its own, so the
// sign-in form needs only React and MUI on a slow link (issue 21, "over the wire").
const loadApp = () => import('../App');
const App = lazy(() => loadApp().then((m) => ({ default: m.App })));

/**
 * Signed out: the light sign-in form first, the app loaded behind it while the user types.
 * Signed in (or unknown: offline, a server error): the app at once, which decides as before.
 */
export const Boot = () => {
  const [state, setState] = useState<'checking' | 'signed-out' | 'app'>('checking');

  useEffect(() => {
    void sessionState().then((session) => setState(session === 'signed-out' ? 'signed-out' : 'app'));
  }, []);

  useEffect(() => {
    if (state === 'signed-out') void loadApp();
  }, [state]);

  if (state === 'checking') return null;
  if (state === 'signed-out') {
    return (
      <SignIn
        onSignedIn={() => {
          // From the sign-in route to the home page; from any other route back to it.
          if (/^#\/login/.test(window.location.hash)) window.history.replaceState(null, '', '#/');
          setState('app');
        }}
      />
    );
  }
  return (
    <Suspense fallback={null}>
      <App />
    </Suspense>
  );
};
