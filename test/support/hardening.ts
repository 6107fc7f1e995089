import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { SignJWT } from 'jose';
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { db, tableName } from '../../shared/db/client.ts';
import type { Group } from '../../shared/http/auth.ts';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, mintToken } from '../../infra/local/tokens.ts';

/** Helpers shared by the hardening suite (test/hardening/). */

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Every error of the API is RFC 9457 problem+json whose `status` repeats the HTTP status.
 * Returns a list of what is wrong (empty when the response is a proper problem).
 */
export function problemViolations(response: RawResponse): string[] {
  const violations: string[] = [];
  const contentType = response.headers.get('content-type') ?? '';
  if (!/^application\/problem\+json\s*(;|$)/i.test(contentType)) violations.push(`content-type is "${contentType}", not application/problem+json`);
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    violations.push('the body is not JSON');
    return violations;
  }
  const problem = (body ?? {}) as Record<string, unknown>;
  for (const field of ['type', 'title', 'detail'] as const) {
    if (typeof problem[field] !== 'string' || problem[field] === '') violations.push(`${field} is missing or not a non-empty string`);
  }
  if (problem.status !== response.status) violations.push(`body status ${String(problem.status)} differs from HTTP status ${response.status}`);
  return violations;
}

export function expectProblem(response: RawResponse | { status: number; headers: Headers; body: unknown }, status?: number): void {
  const raw = 'text' in response ? response : { status: response.status, headers: response.headers, text: typeof response.body === 'string' ? response.body : JSON.stringify(response.body) };
  if (status !== undefined) expect(raw.status, raw.text.slice(0, 500)).toBe(status);
  expect(problemViolations(raw), raw.text.slice(0, 500)).toEqual([]);
}

/**
 * What the test's own table holds: the number of items, their keys and a digest of their content. A Scan
 * here is the test auditing the whole table, never a code path of the API.
 */
export async function tableSnapshot(): Promise<{ count: number; keys: string[]; digest: string }> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await db().send(new ScanCommand({ TableName: tableName(), ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const key = (item: Record<string, unknown>) => `${String(item.PK)}\u0000${String(item.SK)}`;
  items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const digest = createHash('sha256').update(JSON.stringify(items.map(canonical))).digest('hex');
  return { count: items.length, keys: items.map((item) => `${String(item.PK)} | ${String(item.SK)}`), digest };
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Set) return [...value].map(canonical).sort();
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

function localSecret(): Uint8Array {
  return new TextEncoder().encode(process.env.JALIN_LOCAL_JWT_SECRET ?? 'jalin-local-development-secret-not-for-production');
}

/** Tokens that must never authenticate: each is a 401 on every protected route. */
export async function rejectedTokens(): Promise<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const good = await mintToken({ groups: ['auditor'] });
  const claims = { 'cognito:groups': ['agreements-admin', 'training-admin', 'auditor'] };
  const signed = (build: (jwt: SignJWT) => SignJWT) => build(new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('intruder').setIssuedAt()).sign(localSecret());
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    expired: await mintToken({ groups: ['agreements-admin', 'training-admin', 'auditor'], expiresIn: now - 60 }),
    wrongKey: await mintToken({ groups: ['agreements-admin', 'training-admin', 'auditor'], key: new TextEncoder().encode('another-key-another-key-another-key') }),
    wrongIssuer: await signed((jwt) => jwt.setIssuer('someone-else').setAudience(LOCAL_AUDIENCE).setExpirationTime('1h')),
    wrongAudience: await signed((jwt) => jwt.setIssuer(LOCAL_ISSUER).setAudience('another-api').setExpirationTime('1h')),
    notYetValid: await signed((jwt) => jwt.setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setNotBefore(now + 3600).setExpirationTime('2h')),
    algNone: `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claims, sub: 'intruder', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp: now + 3600 })}.`,
    tampered: `${good.split('.').slice(0, 2).join('.')}.${encode({ ...claims, sub: 'x' })}`,
    payloadSwapped: `${good.split('.')[0]}.${encode({ ...claims, sub: 'intruder', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, exp: now + 3600 })}.${good.split('.')[2]}`,
    // Signed by the right key, but with an empty subject: no caller to attribute a write to.
    emptySubject: await mintToken({ groups: ['agreements-admin', 'training-admin', 'auditor'], subject: '' }),
  };
}

/** A valid token carrying no known group: authenticated, allowed nothing. */
export function tokenWithGroups(groups: string[], options: { nip?: string; subject?: string } = {}): Promise<string> {
  return mintToken({ groups: groups as Group[], ...options });
}

/** A `call` like useLocalApi's, for a server this test started itself (its own engine and table). */
export { callerFor } from './api.ts';
