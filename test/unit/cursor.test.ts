import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../shared/db/cursor.ts';
import { InvalidInputError } from '../../shared/errors.ts';

describe('cursors', () => {
  it('round-trip a position within the same scope', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.string()), (position) => {
        expect(decodeCursor('scope', encodeCursor('scope', position))).toEqual(position);
      }),
    );
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

  it('refuse a cursor of another query', () => {
    expect(() => decodeCursor('other', encodeCursor('scope', { a: 1 }))).toThrow(/another query/);
  });
});
