import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * Cognito's hosted sign-in as console/src/auth/cognito.ts drives it through oidc-client-ts, with
 * a fake browser (location, sessionStorage) and a fake Cognito (discovery and token endpoints,
 * answered by a fake fetch): the authorize redirect carries an S256 code challenge and a state,
 * the callback redeems the code with the matching verifier, a foreign state is refused, and
 * sign-out ends Cognito's session at its own /logout and wipes the tab's storage.
 */
const ORIGIN = 'https://console.example';
const auth = {
  kind: 'cognito' as const,
  authority: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Pool',
  clientId: 'console-client',
  domain: 'https://jalin-prod.auth.ap-southeast-3.amazoncognito.com',
};

/** sessionStorage as the browser has it, in memory. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

const base64url = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64url');
/** An ID token as Cognito issues it (oidc-client-ts reads its claims; the API verifies the signature). */
const idToken = (claims: Record<string, unknown>) => `${base64url(JSON.stringify({ alg: 'RS256', kid: 'k' }))}.${base64url(JSON.stringify(claims))}.c2lnbmF0dXJl`;

let browser: { location: { href: string; origin: string; assign: ReturnType<typeof vi.fn> }; storage: MemoryStorage };
let tokenRequests: URLSearchParams[];

function fakeCognito(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = String(input instanceof Request ? input.url : input);
  const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  if (url === '/config.json') return json({ apiBase: '/api', stage: 'prod', auth });
  if (url === `${auth.authority}/.well-known/openid-configuration`) {
    return json({
      issuer: auth.authority,
      authorization_endpoint: `${auth.domain}/oauth2/authorize`,
      token_endpoint: `${auth.domain}/oauth2/token`,
      userinfo_endpoint: `${auth.domain}/oauth2/userInfo`,
      revocation_endpoint: `${auth.domain}/oauth2/revoke`,
      jwks_uri: `${auth.authority}/.well-known/jwks.json`,
      response_types_supported: ['code'],
    });
  }
  if (url === `${auth.domain}/oauth2/token` && init?.method === 'POST') {
    const form = new URLSearchParams(String(init.body));
    tokenRequests.push(form);
    const now = Math.floor(Date.now() / 1000);
    return json({
      id_token: idToken({ iss: auth.authority, aud: auth.clientId, sub: 'user-1', 'cognito:groups': ['auditor'], iat: now, exp: now + 3600, token_use: 'id' }),
      access_token: idToken({ iss: auth.authority, client_id: auth.clientId, sub: 'user-1', exp: now + 3600, token_use: 'access' }),
      token_type: 'Bearer',
      expires_in: 3600,
      // Cognito returns its refresh token with the code exchange only, never with a refresh.
      ...(form.get('grant_type') === 'authorization_code' ? { refresh_token: 'the-refresh-token' } : {}),
    });
  }
  return Promise.resolve(new Response('not found', { status: 404 }));
}

beforeEach(() => {
  vi.resetModules();
  tokenRequests = [];
  const storage = new MemoryStorage();
  const location = { href: `${ORIGIN}/masuk`, origin: ORIGIN, assign: vi.fn(), replace: vi.fn() };
  browser = { location, storage };
  const fakeWindow = { location, sessionStorage: storage, localStorage: new MemoryStorage(), addEventListener: vi.fn(), removeEventListener: vi.fn(), crypto: globalThis.crypto };
  Object.assign(fakeWindow, { self: fakeWindow, top: fakeWindow });
  vi.stubGlobal('window', fakeWindow);
  vi.stubGlobal('location', location);
  vi.stubGlobal('sessionStorage', storage);
  vi.stubGlobal('localStorage', fakeWindow.localStorage);
  vi.stubGlobal('fetch', vi.fn(fakeCognito));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Starts a sign-in (which never returns: the page goes away) and answers the URL it was sent to. */
async function authorizeUrl(returnTo: string): Promise<URL> {
  const { startSignIn } = await import('../src/auth/cognito.ts');
  void startSignIn(auth, returnTo);
  await vi.waitFor(() => expect(browser.location.assign).toHaveBeenCalledTimes(1));
  return new URL(browser.location.assign.mock.calls[0]![0] as string);
}

describe('Cognito sign-in: authorization code + PKCE', () => {
  it('sends the browser to the hosted UI with an S256 code challenge and a state, and no secret', async () => {
    const url = await authorizeUrl('/kerja-sama');
    expect(`${url.origin}${url.pathname}`).toBe(`${auth.domain}/oauth2/authorize`);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe(auth.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/masuk`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/.{16,}/);
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    expect(url.searchParams.has('client_secret')).toBe(false);
    // The verifier stays in this tab's sessionStorage, never in the URL.
    expect(url.toString()).not.toContain('code_verifier');
    expect(browser.storage.length).toBeGreaterThan(0);
  });

  it('on the way back, redeems the code with the verifier whose hash was the challenge, and answers the ID token', async () => {
    const url = await authorizeUrl('/kerja-sama?status=ACTIVE');
    browser.location.href = `${ORIGIN}/masuk?code=the-code&state=${url.searchParams.get('state')}`;
    const { finishSignIn } = await import('../src/auth/cognito.ts');
    const { idToken: token, returnTo } = await finishSignIn(auth);

    expect(tokenRequests).toHaveLength(1);
    const exchange = tokenRequests[0]!;
    expect(exchange.get('grant_type')).toBe('authorization_code');
    expect(exchange.get('code')).toBe('the-code');
    expect(exchange.get('client_id')).toBe(auth.clientId);
    expect(exchange.get('redirect_uri')).toBe(`${ORIGIN}/masuk`);
    const verifier = exchange.get('code_verifier')!;
    expect(base64url(createHash('sha256').update(verifier).digest())).toBe(url.searchParams.get('code_challenge'));
    expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())).toMatchObject({ aud: auth.clientId, token_use: 'id' });
    expect(returnTo).toBe('/kerja-sama?status=ACTIVE');
  });

  it('refuses a callback whose state this tab did not send, without redeeming its code', async () => {
    await authorizeUrl('/');
    browser.location.href = `${ORIGIN}/masuk?code=stolen-code&state=someone-elses-state`;
    const { finishSignIn } = await import('../src/auth/cognito.ts');
    await expect(finishSignIn(auth)).rejects.toThrow(/state/i);
    expect(tokenRequests).toHaveLength(0);
  });

  it('renews the ID token with the refresh token before the hour is up, and hands each new one to the session', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const url = await authorizeUrl('/');
    browser.location.href = `${ORIGIN}/masuk?code=the-code&state=${url.searchParams.get('state')}`;
    const { finishSignIn, renewTokens } = await import('../src/auth/cognito.ts');
    const first = await finishSignIn(auth);
    const saved: string[] = [];
    await renewTokens(auth, (token) => saved.push(token));

    await vi.advanceTimersByTimeAsync(55 * 60_000);
    expect(tokenRequests.map((request) => request.get('grant_type'))).toEqual(['authorization_code']);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    const refresh = tokenRequests[1]!;
    expect(refresh.get('grant_type')).toBe('refresh_token');
    expect(refresh.get('refresh_token')).toBe('the-refresh-token');
    expect(saved[0]).not.toBe(first.idToken);
    expect(JSON.parse(Buffer.from(saved[0]!.split('.')[1]!, 'base64url').toString())).toMatchObject({ token_use: 'id', 'cognito:groups': ['auditor'] });
  });

  it("signs out at Cognito's /logout with the client id and where to come back, and wipes the tab's storage", async () => {
    const { loadConfig } = await import('../src/config.ts');
    await loadConfig();
    browser.storage.setItem('jalin.session', '{"token":"t"}');
    browser.storage.setItem(`oidc.user:${auth.authority}:${auth.clientId}`, '{"id_token":"t"}');
    const { signOut } = await import('../src/auth/sign-out.ts');
    await signOut();

    expect(browser.location.assign).toHaveBeenCalledTimes(1);
    const url = new URL(browser.location.assign.mock.calls[0]![0] as string);
    expect(`${url.origin}${url.pathname}`).toBe(`${auth.domain}/logout`);
    expect(url.searchParams.get('client_id')).toBe(auth.clientId);
    expect(url.searchParams.get('logout_uri')).toBe(`${ORIGIN}/`);
    expect(browser.storage.length).toBe(0);
  });
});
