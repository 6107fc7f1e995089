import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AuthConfig } from '../config.ts';

type CognitoConfig = Extract<AuthConfig, { kind: 'cognito' }>;

/**
 * Cognito's hosted sign-in, authorization code + PKCE (oidc-client-ts). Loaded only when
 * config.json says so, so the local build's first page does not carry it. State and tokens live
 * in sessionStorage; the ID token (the one with `custom:nip` and the groups) goes to the API.
 * One manager per tab: its silent renew timer must outlive the sign-in that armed it.
 */
let current: UserManager | undefined;
let renewing = false;

function manager(auth: CognitoConfig): UserManager {
  if (current) return current;
  const store = new WebStorageStateStore({ store: window.sessionStorage });
  return (current = new UserManager({
    authority: auth.authority,
    client_id: auth.clientId,
    redirect_uri: `${location.origin}/masuk`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: 'code',
    scope: 'openid email profile',
    userStore: store,
    stateStore: store,
    automaticSilentRenew: true,
  }));
}

export async function startSignIn(auth: CognitoConfig, returnTo: string): Promise<void> {
  await manager(auth).signinRedirect({ state: returnTo });
}

/** On the redirect back: the ID token and where the person was going. */
export async function finishSignIn(auth: CognitoConfig): Promise<{ idToken: string; returnTo: string }> {
  const user = await manager(auth).signinRedirectCallback();
  if (!user.id_token) throw new Error('Cognito returned no ID token');
  return { idToken: user.id_token, returnTo: typeof user.state === 'string' ? user.state : '/' };
}

/**
 * Keeps the session alive past its ID token's hour: shortly before the tokens expire, oidc-client-ts
 * redeems Cognito's refresh token (valid 12 h) and each new ID token is handed to `save`. Without
 * it the first call after an hour answered 401 and the person lost the page they were on.
 */
export async function renewTokens(auth: CognitoConfig, save: (idToken: string) => void): Promise<void> {
  const tokens = manager(auth);
  if (!renewing) {
    renewing = true;
    tokens.events.addUserLoaded((user) => {
      if (user.id_token) save(user.id_token);
    });
  }
  // Loading the stored user arms the renew timer (after a reload as well as after the sign-in).
  await tokens.getUser();
}

/** Cognito's logout is not standard OIDC: its own /logout ends the hosted UI's session too. */
export async function signOutUrl(auth: CognitoConfig): Promise<string> {
  await manager(auth).removeUser();
  const query = new URLSearchParams({ client_id: auth.clientId, logout_uri: `${location.origin}/` });
  return `${auth.domain}/logout?${query}`;
}
