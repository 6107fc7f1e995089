import { describe, expect, it } from 'vitest';
import { listsInOrder, pagesOf } from '../../shared/exports/produce.ts';

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

describe('listsInOrder', () => {
  /** A list of `pages` pages that records when it was started and waits for `release` before answering. */
  function list(name: string, pages: number, started: string[], release: Promise<void>) {
    return async function* () {
      started.push(name);
      await release;
      for (let page = 0; page < pages; page += 1) yield [`${name}${page}`];
    };
  }

  it('yields every list whole and in order, reading at most `ahead` lists at once', async () => {
    const started: string[] = [];
    let open!: () => void;
    const release = new Promise<void>((resolve) => (open = resolve));
    const pages = listsInOrder([list('a', 2, started, release), list('b', 1, started, release), list('c', 3, started, release), list('d', 1, started, release)], 2)[Symbol.asyncIterator]();
    const first = pages.next();
    // Asking for the first page starts the first two lists, and no more.
    expect(started).toEqual(['a', 'b']);
    open();
    const seen: string[] = [];
    for (let page = await first; !page.done; page = await pages.next()) seen.push(...page.value);
    expect(seen).toEqual(['a0', 'a1', 'b0', 'c0', 'c1', 'c2', 'd0']);
    expect(started).toEqual(['a', 'b', 'c', 'd']);
  });

  it('surfaces the failure of a list read ahead when its turn comes', async () => {
    const failing = async function* (): AsyncIterable<string[]> {
      throw new Error('throttled');
    };
    const seen: string[][] = [];
    await expect(
      (async () => {
        for await (const items of listsInOrder([list('a', 1, [], Promise.resolve()), failing], 2)) seen.push(items);
      })(),
    ).rejects.toThrow('throttled');
    expect(seen).toEqual([['a0']]);
  });
});
