import { afterEach, describe, expect, it, vi } from 'vitest';
import { mintToken, verifyToken } from '../../infra/local/tokens.ts';

/**
 * The local server remembers verified tokens (infra/local/tokens.ts); these check that what it
 * remembers never lets through a token that verification itself would refuse.
 */
describe('verifyToken with its cache of verified tokens', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it('refuses a token once it expires, even after it verified', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T00:00:00Z'));
    const token = `Bearer ${await mintToken({ groups: ['auditor'], expiresIn: '10s' })}`;
    expect(await verifyToken(token)).toMatchObject({ 'cognito:groups': ['auditor'] });
    expect(await verifyToken(token)).toMatchObject({ 'cognito:groups': ['auditor'] });
    vi.setSystemTime(new Date('2026-03-01T00:00:09Z'));
    expect(await verifyToken(token)).toBeDefined();
    // jose's rule: expired when exp <= now, in whole seconds.
    vi.setSystemTime(new Date('2026-03-01T00:00:10Z'));
    expect(await verifyToken(token)).toBeUndefined();
  });

  it('refuses any other text than the one verified: a changed signature or claim', async () => {
    const token = await mintToken({ groups: ['auditor'] });
    expect(await verifyToken(`Bearer ${token}`)).toBeDefined();
    const [header, claims, signature] = token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    expect(await verifyToken(`Bearer ${header}.${claims}.${flipped}`)).toBeUndefined();
    const admin = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, 'base64url').toString()), 'cognito:groups': ['agreements-admin'] })).toString('base64url');
    expect(await verifyToken(`Bearer ${header}.${admin}.${signature}`)).toBeUndefined();
  });

  it('refuses a token verified under a secret that has since changed', async () => {
    const token = `Bearer ${await mintToken({ groups: ['auditor'] })}`;
    expect(await verifyToken(token)).toBeDefined();
    vi.stubEnv('JALIN_LOCAL_JWT_SECRET', 'another-local-secret-another-local-secret');
    expect(await verifyToken(token)).toBeUndefined();
  });

  it('hands out claims that a caller cannot alter for the next request', async () => {
    const token = `Bearer ${await mintToken({ groups: ['auditor'] })}`;
    await verifyToken(token);
    const claims = (await verifyToken(token))!;
    expect(() => Object.assign(claims, { 'cognito:groups': ['agreements-admin'] })).toThrow(TypeError);
    expect((await verifyToken(token))!['cognito:groups']).toEqual(['auditor']);
  });
});
