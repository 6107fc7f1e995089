import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settings } from '../../shared/config.ts';
import { decodeCursor, encodeCursor } from '../../shared/db/cursor.ts';
import { InvalidInputError } from '../../shared/errors.ts';

/** The field error a refused cursor carries. */
function refusal(scope: string, cursor: string): unknown {
  try {
    decodeCursor(scope, cursor);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).errors;
  }
  return expect.unreachable('the cursor was accepted');
}

/** A cursor signed with the API's own key around any payload: what only a leaked key could make. */
function signedWithTheKey(payload: unknown): string {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${createHmac('sha256', settings().CURSOR_SECRET).update(encoded).digest('base64url').slice(0, 22)}`;
}

describe('cursors', () => {
  it('round-trip a position within the same scope', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.oneof(fc.string(), fc.integer(), fc.boolean())), fc.string(), (position, scope) => {
        expect(decodeCursor(scope, encodeCursor(scope, position))).toEqual(position);
      }),
    );
  });

  it('are base64url JSON and a 22-character (128-bit) signature', () => {
    const [payload, signature, ...rest] = encodeCursor('scope', { PK: 'AGREEMENT#1' }).split('.');
    expect(rest).toEqual([]);
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'))).toEqual({ s: 'scope', p: { PK: 'AGREEMENT#1' } });
    expect(signature).toMatch(/^[\w-]{22}$/);
  });

  it('refuse any single-character edit', () => {
    const cursor = encodeCursor('scope', { PK: 'AGREEMENT#1', SK: 'AGREEMENT' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: cursor.length - 1 }), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'), (index, character) => {
        fc.pre(cursor[index] !== character);
        const edited = cursor.slice(0, index) + character + cursor.slice(index + 1);
        expect(() => decodeCursor('scope', edited)).toThrow(InvalidInputError);
      }),
    );
  });

  it('refuse what is not shaped as a cursor', () => {
    const cursor = encodeCursor('scope', { a: 1 });
    const [payload, signature] = cursor.split('.');
    for (const bad of ['', 'abc', `${payload}.`, `.${signature}`, `${cursor}.x`]) {
      expect(refusal('scope', bad)).toMatchObject([{ path: 'cursor', message: 'is not a cursor issued by this API' }]);
    }
  });

  it('refuse a shortened, lengthened or foreign signature', () => {
    const cursor = encodeCursor('scope', { a: 1 });
    const altered = [{ path: 'cursor', message: 'has been altered or was not issued by this API' }];
    expect(refusal('scope', cursor.slice(0, -1))).toMatchObject(altered);
    expect(refusal('scope', `${cursor}A`)).toMatchObject(altered);
    const [payload] = cursor.split('.');
    expect(refusal('scope', `${payload}.${createHmac('sha256', 'another key of 16+ chars').update(payload ?? '').digest('base64url').slice(0, 22)}`)).toMatchObject(altered);
  });

  it('refuse a cursor of another query, or one that holds no position', () => {
    const another = [{ path: 'cursor', message: 'belongs to another query: repeat the query without it' }];
    expect(refusal('other', encodeCursor('scope', { a: 1 }))).toMatchObject(another);
    expect(refusal('scope', signedWithTheKey({ s: 'scope', p: 5 }))).toMatchObject(another);
    expect(refusal('scope', signedWithTheKey({ s: 'scope', p: null }))).toMatchObject(another);
    expect(refusal('scope', signedWithTheKey({ s: 'scope' }))).toMatchObject(another);
    expect(decodeCursor('scope', signedWithTheKey({ s: 'scope', p: {} }))).toEqual({});
  });
});
