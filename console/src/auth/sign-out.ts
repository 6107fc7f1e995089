import { config } from '../config.ts';
import { clearSession } from './session.ts';

/** Ends the session for real: local state wiped, and on AWS Cognito's hosted session too. */
export async function signOut(): Promise<void> {
  const { auth } = config();
  if (auth.kind === 'cognito') {
    const { signOutUrl } = await import('./cognito.ts');
    const url = await signOutUrl(auth);
    clearSession();
    location.assign(url);
    return;
  }
  clearSession();
  location.assign('/masuk');
}
