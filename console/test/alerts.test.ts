import { describe, expect, it } from 'vitest';
import { isoWeek } from '../../shared/alerts/rules.ts';
import { addDays } from '../../shared/time/calendar.ts';
import { aboutOf, fixOf, mondayOfIsoWeek, periodOf } from '../src/domain/alerts.ts';

/** The page's address of an employee is the caller's (an alias in the browser). */
const employeePage = (nip: string) => `/pegawai/alias-of-${nip}`;

describe('notifications: what an alert is about, when, and where it is fixed', () => {
  it('links each kind to a page every alert reader can open, never to an edit form or a made-up unit', () => {
    expect(fixOf({ kind: 'EXPIRY', subject: 'a1b2' }, employeePage)).toEqual({ to: '/kerja-sama/a1b2', text: 'alertFixAgreement' });
    // A dormant digest is about an owner unit (shared/alerts/jobs/dormant-agreements.ts), not an agreement.
    expect(fixOf({ kind: 'DORMANT', subject: 'Dinas Pariwisata & Ekonomi Kreatif' }, employeePage)).toEqual({
      to: '/kerja-sama?status=ACTIVE&ownerUnit=Dinas+Pariwisata+%26+Ekonomi+Kreatif',
      text: 'alertFixDormant',
    });
    expect(fixOf({ kind: 'TRAINING', subject: '198703152010011002' }, employeePage).to).toBe('/pegawai/alias-of-198703152010011002');
    expect(fixOf({ kind: 'TRAINING_SUMMARY', subject: 'all-units' }, employeePage).to).toBe('/pelatihan');
  });

  it('says what the alert is about', () => {
    expect(aboutOf({ kind: 'DORMANT', subject: 'Biro Kerja Sama' })).toEqual({ key: 'alertAboutDormant', values: { unit: 'Biro Kerja Sama' } });
    expect(aboutOf({ kind: 'TRAINING', subject: '198703152010011002' })).toEqual({ key: 'alertAboutEmployee', values: { nip: '198703152010011002' } });
    expect(aboutOf({ kind: 'TRAINING_SUMMARY', subject: 'all-units' }).key).toBe('alertAboutSummary');
  });

  it('decodes the periods as the jobs build them', () => {
    expect(periodOf({ kind: 'EXPIRY', period: '2029-10-02@180' })).toEqual({ key: 'alertPeriodExpiry', values: { days: 180 }, dates: { date: '2029-10-02' } });
    expect(periodOf({ kind: 'EXPIRY', period: '2027-01-20@0' })).toEqual({ key: 'alertPeriodEndDay', dates: { date: '2027-01-20' } });
    expect(periodOf({ kind: 'DORMANT', period: '2026-W51' })).toEqual({ key: 'alertPeriodWeek', dates: { date: '2026-12-14' } });
    expect(periodOf({ kind: 'TRAINING', period: '2026-12' })).toEqual({ key: 'alertPeriodMonth', months: { month: '2026-12' } });
    expect(periodOf({ kind: 'TRAINING_SUMMARY', period: '2026-12' }).key).toBe('alertPeriodMonth');
    expect(periodOf({ kind: 'EXPIRY', period: 'odd' })).toEqual({ key: 'alertPeriodRaw', values: { period: 'odd' } });
  });

  it("finds the Monday of the jobs' ISO weeks, across year ends", () => {
    for (const monday of ['2026-12-14', '2026-12-28', '2027-01-04', '2020-12-28', '2021-01-04', '2024-12-30']) {
      expect(mondayOfIsoWeek(isoWeek(monday))).toBe(monday);
      expect(mondayOfIsoWeek(isoWeek(addDays(monday, 6)))).toBe(monday);
    }
  });
});

