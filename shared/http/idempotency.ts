import { createHash } from 'node:crypto';
import { fieldError, InvalidInputError } from '../errors.ts';

/** What a POST carried in `Idempotency-Key`, with a fingerprint of its body to spot reuse. */
export interface IdempotencyRequest {
  key: string;
  fingerprint: string;
}

const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

export function idempotencyFromHeader(key: string | undefined, body: unknown): IdempotencyRequest | undefined {
  if (key === undefined) return undefined;
  if (!KEY_SHAPE.test(key)) {
    throw new InvalidInputError([fieldError('Idempotency-Key', 'IDEMPOTENCY_KEY_INVALID')]);
  }
  return { key, fingerprint: createHash('sha256').update(canonicalJson(body)).digest('base64url') };
}

/** JSON with object keys sorted, so that the same body written in another key order matches. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
