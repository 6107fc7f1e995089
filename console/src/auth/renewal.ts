import { config } from '../config.ts';
import { currentSession, saveSession } from './session.ts';

/**
 * On AWS, a signed-in tab renews its ID token before it expires (auth/cognito.ts), so the session
 * lasts as long as Cognito's refresh token, not one hour. Called when the app starts and after a
 * sign-in; locally (tokens minted by the local server) there is nothing to renew.
 */
export async function keepSessionFresh(): Promise<void> {
  const { auth } = config();
  if (auth.kind !== 'cognito' || !currentSession()) return;
  const { renewTokens } = await import('./cognito.ts');
  await renewTokens(auth, saveSession);
}
