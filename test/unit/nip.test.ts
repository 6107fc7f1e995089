import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkNip, EARLIEST_BIRTH_DATE, FIRST_PPPK_YEAR, MAX_APPOINTMENT_AGE, MIN_APPOINTMENT_AGE } from '../../shared/training/nip.ts';
import { addDays, daysBetween } from '../../shared/time/calendar.ts';

const today = '2026-11-23';
const nextYear = 2027;
const pad = (value: number, width: number) => String(value).padStart(width, '0');
const digitsOf = (date: string) => date.replaceAll('-', '');

const problemsOf = (nip: string, on = today): string[] => {
  const result = checkNip(nip, on);
  return result.valid ? [] : result.problems.map((problem) => problem.message);
};

/** A birth date from 1938-01-01 (EARLIEST_BIRTH_DATE, written out so that a wrong constant fails a test) up to the end of `lastYear`. */
const birthUpTo = (lastYear: number) => fc.integer({ min: 0, max: daysBetween('1938-01-01', `${lastYear}-12-31`) }).map((offset) => addDays('1938-01-01', offset));
const gender = fc.constantFrom(1, 2);
const sequence = fc.integer({ min: 1, max: 999 });

/**
 * Valid PNS numbers: TMT from January of the year after the 18th birthday's year (aged 18 or
 * 19) to December of the year of the 65th (aged at most 65), never after next year.
 */
const pnsNip = birthUpTo(nextYear - MIN_APPOINTMENT_AGE - 1).chain((birth) => {
  const birthYear = Number(birth.slice(0, 4));
  return fc
    .record({
      tmtYear: fc.integer({ min: birthYear + MIN_APPOINTMENT_AGE + 1, max: Math.min(birthYear + MAX_APPOINTMENT_AGE, nextYear) }),
      tmtMonth: fc.integer({ min: 1, max: 12 }),
      gender,
      sequence,
    })
    .map(({ tmtYear, tmtMonth, gender, sequence }) => `${digitsOf(birth)}${tmtYear}${pad(tmtMonth, 2)}${gender}${pad(sequence, 3)}`);
});

/** Valid PPPK numbers: appointed from 2019 to next year, aged 18 to 65 that year, any code 13–99. */
const pppkNip = birthUpTo(nextYear - MIN_APPOINTMENT_AGE)
  .filter((birth) => Number(birth.slice(0, 4)) + MAX_APPOINTMENT_AGE >= FIRST_PPPK_YEAR)
  .chain((birth) => {
    const birthYear = Number(birth.slice(0, 4));
    return fc
      .record({
        year: fc.integer({ min: Math.max(FIRST_PPPK_YEAR, birthYear + MIN_APPOINTMENT_AGE), max: Math.min(birthYear + MAX_APPOINTMENT_AGE, nextYear) }),
        code: fc.integer({ min: 13, max: 99 }),
        gender,
        sequence,
      })
      .map(({ year, code, gender, sequence }) => `${digitsOf(birth)}${year}${code}${gender}${pad(sequence, 3)}`);
  });

describe('checkNip: valid numbers', () => {
  it('accepts the examples of both shapes and reads them', () => {
    expect(checkNip('198609262015051001', today)).toEqual({ valid: true, kind: 'PNS', birthDate: '1986-09-26', gender: 1 });
    expect(checkNip('199009132025242014', today)).toEqual({ valid: true, kind: 'PPPK', birthDate: '1990-09-13', gender: 2 });
  });

  it('accepts every plausible PNS number, and reads birth date and gender from it', () => {
    fc.assert(
      fc.property(pnsNip, (nip) => {
        expect(checkNip(nip, today)).toEqual({
          valid: true,
          kind: 'PNS',
          birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
          gender: Number(nip[14]),
        });
      }),
    );
  });

  it('accepts every plausible PPPK number', () => {
    fc.assert(
      fc.property(pppkNip, (nip) => {
        expect(checkNip(nip, today)).toMatchObject({ valid: true, kind: 'PPPK' });
      }),
    );
  });

  it("judges the future by Jakarta's date when no day is given", () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 17:30 UTC on 31 December is already 1 January in Jakarta: someone born that day is born.
    vi.setSystemTime(new Date('2026-12-31T17:30:00Z'));
    const birthProblems = () => {
      const result = checkNip('202701012027011001');
      return result.valid ? [] : result.problems.filter((problem) => problem.code.startsWith('NIP_BIRTH_DATE')).map((problem) => problem.message);
    };
    expect(birthProblems()).toEqual([]);
    vi.setSystemTime(new Date('2026-12-31T16:30:00Z'));
    expect(birthProblems()).toEqual(['digits 1–8 (birth date, YYYYMMDD) 20270101 are in the future']);
  });
});

afterEach(() => vi.useRealTimers());

describe('checkNip: what is not a NIP at all', () => {
  it('wants 18 digits and nothing else', () => {
    expect(problemsOf('19860926201505100')).toEqual(['must be 18 digits long, not 17']);
    expect(problemsOf('1986092620150510011')).toEqual(['must be 18 digits long, not 19']);
    expect(problemsOf('19860926201505100X')).toEqual(['must contain digits only']);
    expect(problemsOf('X98609262015051001')).toEqual(['must contain digits only']);
    expect(problemsOf('')).toEqual(['must contain digits only']);
  });

  it('never throws, and every problem names the part of the number to fix', () => {
    const nameParts = /^(must contain digits only|must be 18 digits long|digits 1–8 \(birth date|digits 9–1[24] \((TMT CPNS|PPPK appointment year)|digits 13–14 \d\d are neither|digit 15 \(gender\)|digits 16–18 \(sequence\))/;
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{18}$/), pnsNip, pppkNip), (text) => {
        const result = checkNip(text, today);
        if (!result.valid) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(problem.message).toMatch(nameParts);
        }
      }),
    );
  });
});

describe('checkNip: birth date, digits 1–8', () => {
  it('must be a real date', () => {
    expect(problemsOf('198602302015051001')).toEqual(['digits 1–8 (birth date, YYYYMMDD) 19860230 are not a real date']);
  });

  it('must not be in the future (today is fine)', () => {
    expect(problemsOf('208609262015051001')).toEqual(['digits 1–8 (birth date, YYYYMMDD) 20860926 are in the future']);
    const bornOn = (day: string) => problemsOf('200006152018071001', day).filter((problem) => problem.includes('birth date'));
    expect(bornOn('2000-06-15')).toEqual([]);
    expect(bornOn('2000-06-14')).toHaveLength(1);
  });

  it('must be on or after 1938-01-01: nobody born earlier holds an 18-digit NIP', () => {
    expect(EARLIEST_BIRTH_DATE).toBe('1938-01-01');
    expect(problemsOf('190001011925011001')).toEqual(['digits 1–8 (birth date, YYYYMMDD) 19000101 are before 1938-01-01: no holder of an 18-digit NIP was born that early']);
    expect(problemsOf('193712311960011001')).toHaveLength(1);
    expect(checkNip('193801011960011001', today).valid).toBe(true);
  });
});

describe('checkNip: PNS, digits 9–14 (TMT CPNS)', () => {
  it(`is on or after the ${MIN_APPOINTMENT_AGE}th birthday, to the month`, () => {
    // Born 26 September 1986: 18 on 2004-09-26, so TMT 1 September 2004 is too early.
    expect(problemsOf('198609262004091001')).toEqual([
      `digits 9–14 (TMT CPNS, YYYYMM) 200409 are before the holder turned ${MIN_APPOINTMENT_AGE} (2004-09-26), the youngest age of appointment`,
    ]);
    expect(problemsOf('198609262004101001')).toEqual([]);
    // Born on the 1st: TMT on the 18th birthday itself.
    expect(problemsOf('198609012004091001')).toEqual([]);
    expect(problemsOf('198609261985051001')[0]).toMatch(/^digits 9–14 \(TMT CPNS, YYYYMM\) 198505 are before the holder turned 18/);
  });

  it(`is before the ${MAX_APPOINTMENT_AGE + 1}th birthday`, () => {
    expect(problemsOf('195003152016031001')).toEqual([]);
    expect(problemsOf('195003152016041001')).toEqual([
      `digits 9–14 (TMT CPNS, YYYYMM) 201604 are after the holder's ${MAX_APPOINTMENT_AGE}th year (born 1950-03-15), the oldest age of appointment`,
    ]);
    expect(problemsOf('195003012016021001')).toEqual([]);
    expect(problemsOf('195003012016031001')).toHaveLength(1);
  });

  it('is no later than next year', () => {
    expect(problemsOf('200001012027121001')).toEqual([]);
    expect(problemsOf('200001012028011001')).toEqual(['digits 9–14 (TMT CPNS, YYYYMM) 202801 are later than 2027']);
    expect(problemsOf('200001012027121001', '2025-12-31')).toEqual(['digits 9–14 (TMT CPNS, YYYYMM) 202712 are later than 2026']);
  });

  it('is only checked against a birth date that is right', () => {
    expect(problemsOf('198602301980011001')).toEqual(['digits 1–8 (birth date, YYYYMMDD) 19860230 are not a real date']);
    expect(problemsOf('198602303000011001')).toEqual(['digits 1–8 (birth date, YYYYMMDD) 19860230 are not a real date', 'digits 9–14 (TMT CPNS, YYYYMM) 300001 are later than 2027']);
  });
});

describe('checkNip: PPPK, digits 9–12 (appointment year) and 13–14 (code)', () => {
  it('reads 13–99 as a PPPK code, 01–12 as a TMT month and 00 as neither', () => {
    expect(checkNip('199009132025132014', today)).toMatchObject({ valid: true, kind: 'PPPK' });
    expect(checkNip('199009132025992014', today)).toMatchObject({ valid: true, kind: 'PPPK' });
    expect(checkNip('199009132025122014', today)).toMatchObject({ valid: true, kind: 'PNS' });
    expect(checkNip('199009132025012014', today)).toMatchObject({ valid: true, kind: 'PNS' });
    expect(problemsOf('199009132025002014')).toEqual(['digits 13–14 00 are neither a TMT CPNS month (01–12) nor a PPPK code (13–99)']);
  });

  it(`refuses a PNS number with a month typed as 13–99 when it is dated before ${FIRST_PPPK_YEAR}`, () => {
    expect(problemsOf('198609262015131001')).toEqual([
      `digits 9–12 (PPPK appointment year) 2015 are before ${FIRST_PPPK_YEAR}, when PPPK began; nor can it be a PNS number: digits 13–14 13 are not a TMT month (01–12)`,
    ]);
    expect(problemsOf('199009132018242014')).toHaveLength(1);
    expect(problemsOf('199009132019242014')).toEqual([]);
    fc.assert(
      fc.property(pnsNip, fc.integer({ min: 13, max: 99 }), (nip, code) => {
        fc.pre(Number(nip.slice(8, 12)) < FIRST_PPPK_YEAR);
        expect(problemsOf(`${nip.slice(0, 12)}${code}${nip.slice(14)}`)).toEqual([expect.stringMatching(/^digits 9–12 \(PPPK appointment year\) \d{4} are before 2019.*digits 13–14 \d\d/)]);
      }),
    );
  });

  it(`is at working age, ${MIN_APPOINTMENT_AGE} to ${MAX_APPOINTMENT_AGE} in the appointment year`, () => {
    expect(problemsOf('200112312019242014')).toEqual([]);
    expect(problemsOf('200201012019242014')).toEqual(['digits 9–12 (PPPK appointment year) 2019 make the holder (born 2002-01-01) 17 that year; a PPPK is appointed aged 18 to 65']);
    expect(problemsOf('195401012019242014')).toEqual([]);
    expect(problemsOf('195312312019242014')).toEqual(['digits 9–12 (PPPK appointment year) 2019 make the holder (born 1953-12-31) 66 that year; a PPPK is appointed aged 18 to 65']);
  });

  it('is no later than next year, and only checked against a birth date that is right', () => {
    expect(problemsOf('199009132027242014')).toEqual([]);
    expect(problemsOf('199009132028242014')).toEqual(['digits 9–12 (PPPK appointment year) 2028 are later than 2027']);
    expect(problemsOf('199002302020242014')).toEqual(['digits 1–8 (birth date, YYYYMMDD) 19900230 are not a real date']);
  });
});

describe('checkNip: gender (digit 15) and sequence (digits 16–18)', () => {
  it('rejects any gender digit other than 1 or 2, in both shapes', () => {
    fc.assert(
      fc.property(fc.oneof(pnsNip, pppkNip), fc.constantFrom('0', '3', '4', '5', '6', '7', '8', '9'), (nip, digit) => {
        expect(problemsOf(`${nip.slice(0, 14)}${digit}${nip.slice(15)}`)).toEqual([`digit 15 (gender) must be 1 or 2, not ${digit}`]);
      }),
    );
  });

  it('counts from 001', () => {
    expect(problemsOf('198609262015051000')).toEqual(['digits 16–18 (sequence) must be 001 or higher']);
    expect(problemsOf('198609262015051100')).toEqual([]);
    expect(problemsOf('198609262015051010')).toEqual([]);
  });

  it('lists every wrong part at once', () => {
    expect(problemsOf('198602302015003000')).toEqual([
      'digits 1–8 (birth date, YYYYMMDD) 19860230 are not a real date',
      'digits 13–14 00 are neither a TMT CPNS month (01–12) nor a PPPK code (13–99)',
      'digit 15 (gender) must be 1 or 2, not 3',
      'digits 16–18 (sequence) must be 001 or higher',
    ]);
  });
});
