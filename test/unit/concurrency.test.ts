import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inParallel, slicesOf } from '../../shared/concurrency.ts';

/** A promise settled from outside, so each test decides when a piece of work ends. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('inParallel', () => {
  it('runs every item once, never more than `concurrency` at a time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 8 }), async (count, concurrency) => {
        let running = 0;
        let most = 0;
        const done: number[] = [];
        await inParallel(Array.from({ length: count }, (_, index) => index), concurrency, async (item) => {
          running += 1;
          most = Math.max(most, running);
          await Promise.resolve();
          running -= 1;
          done.push(item);
        });
        expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, index) => index));
        expect(most).toBeLessThanOrEqual(concurrency);
      }),
    );
  });

  it('starts nothing after a failure and rejects only once the work under way has settled', async () => {
    const work = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    let outcome: string | undefined;
    const run = inParallel([0, 1, 2, 3], 2, async (item) => {
      started.push(item);
      await work[item]!.promise;
    }).then(
      () => (outcome = 'resolved'),
      (error: Error) => (outcome = error.message),
    );
    await settled();
    expect(started).toEqual([0, 1]);

    work[0]!.reject(new Error('first failed'));
    await settled();
    expect(started).toEqual([0, 1]);
    expect(outcome).toBeUndefined();

    work[1]!.resolve();
    await run;
    expect(outcome).toBe('first failed');
    expect(started).toEqual([0, 1]);
  });
});

describe('slicesOf', () => {
  it('cuts items into consecutive slices of at most `size`, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 10 }), (items, size) => {
        const slices = slicesOf(items, size);
        expect(slices.flat()).toEqual(items);
        expect(slices.every((slice) => slice.length >= 1 && slice.length <= size)).toBe(true);
        expect(slices.slice(0, -1).every((slice) => slice.length === size)).toBe(true);
      }),
    );
  });
});
