import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Group } from '../../shared/http/auth.ts';

/**
 * Local stand-in for Cognito: tokens signed with a development secret, carrying the same claims
 * (`sub`, `cognito:groups`, `custom:nip`) that the user pool puts in its tokens on AWS.
 */
export const LOCAL_ISSUER = 'jalin-local';
export const LOCAL_AUDIENCE = 'jalin';

function secret(): string {
  return process.env.JALIN_LOCAL_JWT_SECRET ?? 'jalin-local-development-secret-not-for-production';
}

export async function mintToken(options: { groups: Group[]; nip?: string; subject?: string; expiresIn?: string | number; key?: Uint8Array }): Promise<string> {
  return new SignJWT({
    'cognito:groups': options.groups,
    ...(options.nip ? { 'custom:nip': options.nip } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.subject ?? `local-${options.groups.join('+') || 'nobody'}`)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(options.key ?? new TextEncoder().encode(secret()));
}

/**
 * Tokens that passed verification, by their exact text (header, claims and signature), as API
 * Gateway's JWT authorizer also caches. Why: jose checks the HS256 signature with WebCrypto,
 * which runs on libuv's thread pool; on the shared 2-core machine that hop cost ~1.8 ms of a
 * ~3.4 ms request (p50, 1 client) and ~15 ms at 16 clients, more than everything else the server
 * does. A hit is only ever the very string that verified, under the same secret, and before its
 * `exp` (checked as jose checks it); a token without `exp` is not cached, nor is any failure, so
 * the cache never accepts a token that verification would refuse. Bounded, least recently used.
 */
const VERIFIED_CACHE_SIZE = 1_000;
const verified = new Map<string, { payload: JWTPayload; exp: number; secret: string }>();

function cachedClaims(token: string, secretText: string): JWTPayload | undefined {
  const entry = verified.get(token);
  if (!entry) return undefined;
  verified.delete(token);
  // jose: expired when `exp <= now`, in whole seconds.
  if (entry.secret !== secretText || entry.exp <= Math.floor(Date.now() / 1000)) return undefined;
  verified.set(token, entry);
  return entry.payload;
}

function remember(token: string, payload: JWTPayload, secretText: string): void {
  if (typeof payload.exp !== 'number') return;
  verified.set(token, { payload: Object.freeze(payload), exp: payload.exp, secret: secretText });
  if (verified.size > VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
}

/** The verified claims of a bearer token, or `undefined` for a missing, expired or forged one. */
export async function verifyToken(authorization: string | undefined): Promise<JWTPayload | undefined> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const token = match[1]!;
  const secretText = secret();
  const cached = cachedClaims(token, secretText);
  if (cached) return cached;
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secretText), { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ['HS256'] });
    remember(token, payload, secretText);
    return payload;
  } catch {
    return undefined;
  }
}
