import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Group } from '../../shared/http/auth.ts';

/**
 * Local stand-in for Cognito: tokens signed with a development secret, carrying the same claims
 * (`sub`, `cognito:groups`, `custom:nip`) that the user pool puts in its tokens on AWS.
 */
export const LOCAL_ISSUER = 'jalin-local';
export const LOCAL_AUDIENCE = 'jalin';

function secret(): Uint8Array {
  return new TextEncoder().encode(process.env.JALIN_LOCAL_JWT_SECRET ?? 'jalin-local-development-secret-not-for-production');
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
    .sign(options.key ?? secret());
}

/** The verified claims of a bearer token, or `undefined` for a missing, expired or forged one. */
export async function verifyToken(authorization: string | undefined): Promise<JWTPayload | undefined> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  try {
    const { payload } = await jwtVerify(match[1]!, secret(), { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ['HS256'] });
    return payload;
  } catch {
    return undefined;
  }
}
