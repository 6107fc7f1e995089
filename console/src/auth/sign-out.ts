import { config } from '../config.ts';
import { LANGUAGE_KEY } from '../i18n/language.tsx';
import { clearSession } from './session.ts';

/**
 * Everything personal the tab holds goes (shared office PCs, UU PDP 27/2022): sessionStorage (the
 * token with its NIP, sign-in state), localStorage but the language (nothing else should be
 * there; whatever a library may have left goes too), the query cache (App clears it when the
 * session changes) and React's memory (search terms, forms), dropped by the full navigation.
 */
function forgetEverything(): void {
  const keys = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index));
  for (const key of keys) if (key !== null && key !== LANGUAGE_KEY) localStorage.removeItem(key);
  clearSession();
  // Back after sign-out may restore this page from the back/forward cache, names and hours on
  // screen: such a page reloads instead, and without a session lands on the sign-in page.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) location.reload();
  });
}

/** Ends the session for real: local state wiped, and on AWS Cognito's hosted session too. */
export async function signOut(): Promise<void> {
  const { auth } = config();
  if (auth.kind === 'cognito') {
    const { signOutUrl } = await import('./cognito.ts');
    const url = await signOutUrl(auth);
    forgetEverything();
    location.assign(url);
    return;
  }
  forgetEverything();
  location.assign('/masuk');
}
