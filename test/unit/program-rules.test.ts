import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hoursOfJp, jpOfHours, lengthOf } from '../../shared/training/jp.ts';
import { changedRecordFields, participationRecord, programContent, programLengthViolations, sameParticipant, tallyOutcomes } from '../../shared/training/programs/rules.ts';
import { isQuarterHours } from '../../shared/training/rules.ts';
import type { Participant, Program } from '../../shared/training/programs/schemas.ts';

const program: Program = {
  id: 'p1',
  title: 'PKN Tingkat II',
  provider: 'BPSDM',
  method: 'CLASSICAL',
  startsOn: '2024-08-12',
  endsOn: '2024-12-13',
  year: 2024,
  hours: 75,
  jp: 100,
  lengthUnit: 'JP',
  jpMinutes: 45,
  agreementId: 'a1',
  cohort: 'Angkatan XXXIV',
  internalParticipants: 0,
  externalParticipants: 0,
  version: 1,
  createdAt: '2024-08-01T00:00:00.000Z',
  createdBy: 'x',
  updatedAt: '2024-08-01T00:00:00.000Z',
};

describe('JP', () => {
  it('converts with the configured length: 20 JP of 45 minutes are 15 hours', () => {
    expect(hoursOfJp(20, 45)).toBe(15);
    expect(jpOfHours(40, 45)).toBe(53.33);
    expect(lengthOf({ jp: 20 }, 45)).toEqual({ hours: 15, jp: 20, unit: 'JP' });
    expect(lengthOf({ hours: 40 }, 60)).toEqual({ hours: 40, jp: 40, unit: 'HOURS' });
  });

  it('turns any whole JP of a multiple of 15 minutes into whole quarter hours', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 16 }), (jp, quarters) => isQuarterHours(hoursOfJp(jp, quarters * 15))));
  });
});

describe('programs', () => {
  it('keeps the length in hours and JP, and checks 24 hours a day against the field given', () => {
    const content = programContent({ title: 't', provider: 'p', method: 'CLASSICAL', startsOn: '2024-08-12', endsOn: '2024-08-12', jp: 40 }, 45);
    expect(content).toMatchObject({ hours: 30, jp: 40, lengthUnit: 'JP', year: 2024 });
    expect(programLengthViolations(content)).toEqual([{ path: 'jp', message: expect.stringContaining('45 minutes') }]);
    expect(programLengthViolations({ ...content, lengthUnit: 'HOURS' })[0]?.path).toBe('hours');
    expect(programLengthViolations({ ...content, hours: 24 })).toEqual([]);
  });

  it('names the fields a participation record copies that an update would change', () => {
    expect(changedRecordFields(program, { ...program, cohort: 'Angkatan XXXV' } as Program)).toEqual([]);
    expect(changedRecordFields(program, { ...program, hours: 76, agreementId: undefined } as unknown as Program)).toEqual(['hours', 'agreementId']);
  });

  it("copies the program into an internal participant's record, counted in the year of its end", () => {
    expect(participationRecord(program, '198609262015051001', '20241213-x', 'admin', 'now')).toMatchObject({ nip: '198609262015051001', hours: 75, year: 2024, agreementId: 'a1', programId: 'p1', title: 'PKN Tingkat II' });
    expect(participationRecord({ ...program, agreementId: undefined } as unknown as Program, 'n', 'i', 'a', 'now')).not.toHaveProperty('agreementId');
  });

  it('treats a retried participant as the same, and a changed one or another kind as different', () => {
    const stored: Participant = { programId: 'p1', nip: 'n', kind: 'EXTERNAL', name: 'Rina', agency: 'LAN RI', version: 1, createdAt: 'x', updatedAt: 'x' };
    expect(sameParticipant(stored, { name: 'Rina', agency: 'LAN RI' })).toBe(true);
    expect(sameParticipant(stored, { name: 'Rina', agency: 'LAN RI', changeProjectTitle: 'X' })).toBe(false);
    expect(sameParticipant(stored, {})).toBe(false);
    expect(sameParticipant({ ...stored, kind: 'INTERNAL', name: 'Budi', agency: undefined } as Participant, {})).toBe(true);
  });
});

describe('agreement outcomes', () => {
  it('counts DKI employees once however many records, and external participants with their program hours', () => {
    const records = [
      { nip: 'a', hours: 75 },
      { nip: 'a', hours: 8 },
      { nip: 'b', hours: 75 },
    ];
    expect(tallyOutcomes(records, [{ hours: 75, externalParticipants: 1 }, { hours: 30, externalParticipants: 0 }])).toEqual({
      programs: 2,
      trainings: 3,
      participants: 3,
      internalParticipants: 2,
      externalParticipants: 1,
      hours: 233,
      internalHours: 158,
      externalHours: 75,
    });
    expect(tallyOutcomes([], [])).toMatchObject({ programs: 0, participants: 0, hours: 0 });
  });
});
