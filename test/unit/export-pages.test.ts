import { describe, expect, it } from 'vitest';
import { pagesOf } from '../../shared/exports/produce.ts';

describe('pagesOf', () => {
  it('follows the cursor to the last page, asking for each page once', async () => {
    const asked: (string | undefined)[] = [];
    const list = async (cursor: string | undefined) => {
      asked.push(cursor);
      const at = Number(cursor ?? 0);
      return { items: [at, at + 1], ...(at < 4 ? { nextCursor: String(at + 2) } : {}) };
    };
    const seen: number[][] = [];
    for await (const items of pagesOf(list)) seen.push(items);
    expect(seen).toEqual([[0, 1], [2, 3], [4, 5]]);
    expect(asked).toEqual([undefined, '2', '4']);
  });

  it('surfaces a failed read to the writer', async () => {
    const list = async (cursor: string | undefined) => {
      if (cursor) throw new Error('throttled');
      return { items: [1], nextCursor: 'next' };
    };
    const seen: number[][] = [];
    await expect(
      (async () => {
        for await (const items of pagesOf(list)) seen.push(items);
      })(),
    ).rejects.toThrow('throttled');
    expect(seen).toEqual([[1]]);
  });
});
