import { createHmac, timingSafeEqual } from 'node:crypto';
import { settings } from '../config.ts';
import { fieldError, InvalidInputError } from '../errors.ts';
import type { MessageCode } from '../i18n/messages.ts';

/**
 * Opaque pagination cursors: `base64url(json).base64url(hmac)`.
 *
 * The HMAC makes any edit detectable (a tampered cursor is a 400, never a DynamoDB error), and
 * the `scope` binds a cursor to the query that issued it, so a cursor from one list cannot
 * continue another. Authorization never rests on the cursor: every page re-checks the caller.
 */
export type CursorPosition = Record<string, unknown>;

/** A page of any list: what the API returns as `{ items, nextCursor? }`. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

function sign(payload: string): string {
  return createHmac('sha256', settings().CURSOR_SECRET).update(payload).digest('base64url').slice(0, 22);
}

export function encodeCursor(scope: string, position: CursorPosition): string {
  const payload = Buffer.from(JSON.stringify({ s: scope, p: position })).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

export function decodeCursor(scope: string, cursor: string): CursorPosition {
  const refuse = (why: MessageCode) => new InvalidInputError([fieldError('cursor', why)]);
  const [payload, signature, extra] = cursor.split('.');
  if (!payload || !signature || extra !== undefined) throw refuse('CURSOR_MALFORMED');
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw refuse('CURSOR_ALTERED');
  }
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { s?: unknown; p?: unknown };
  if (decoded.s !== scope || typeof decoded.p !== 'object' || decoded.p === null) {
    throw refuse('CURSOR_OTHER_QUERY');
  }
  return decoded.p as CursorPosition;
}
