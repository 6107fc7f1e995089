import { expect, it } from 'vitest';
import { areas } from '../../console/src/i18n/messages.ts';

/** Keys defined by more than one of the lists, each with the number of lists defining it. */
function sharedKeys(lists: readonly object[]): string[] {
  const seen = new Map<string, number>();
  for (const list of lists) for (const key of Object.keys(list)) seen.set(key, (seen.get(key) ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([key]) => key);
}

it('no word is defined by two areas of the console (a later one would silently win)', () => {
  expect(sharedKeys(areas.map((area) => area.id))).toEqual([]);
  expect(sharedKeys(areas.map((area) => area.enumLabels.id))).toEqual([]);
});

it('every area says every word in both languages', () => {
  for (const area of areas) expect(Object.keys(area.en).sort()).toEqual(Object.keys(area.id).sort());
});
