import { describe, expect, it } from 'vitest';
import type { Agreement } from '../src/api/client.ts';
import { expiredToActOn, windowListPath, windowRange } from '../src/domain/inbox.ts';
import { windowOf } from '../src/domain/windows.ts';

const ended = (id: string, endsOn: string, decision?: 'CONTINUE' | 'RENEW' | 'LET_LAPSE') =>
  ({ id, endsOn, ...(decision ? { evaluation: { activityId: 'e', on: endsOn, decision, reason: 'r', by: 'x' } } : {}) }) as Agreement;

describe('the inbox stays a page', () => {
  it("links each ending window to the list of exactly that window's agreements", () => {
    const today = '2026-12-20';
    expect(windowRange(7, today)).toEqual({ endsFrom: '2026-12-20', endsTo: '2026-12-27' });
    expect(windowRange(30, today)).toEqual({ endsFrom: '2026-12-28', endsTo: '2027-01-19' });
    for (const window of [7, 30, 90, 180] as const) {
      const { endsFrom, endsTo } = windowRange(window, today);
      expect([windowOf(endsFrom, today), windowOf(endsTo, today)]).toEqual([window, window]);
    }
    expect(windowListPath(90, today)).toBe('/kerja-sama?status=ACTIVE&endsFrom=2027-01-20&endsTo=2027-03-20');
  });

  it('lists as ended without renewal only the last year, without those evaluated to lapse, latest first', () => {
    const agreements = [ended('old', '2025-12-19'), ended('year', '2025-12-20'), ended('lapse', '2026-11-01', 'LET_LAPSE'), ended('renew', '2026-12-01', 'RENEW'), ended('recent', '2026-12-19')];
    expect(expiredToActOn(agreements, '2026-12-20').map((agreement) => agreement.id)).toEqual(['recent', 'renew', 'year']);
  });
});
