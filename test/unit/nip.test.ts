import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNip } from '../../shared/training/nip.ts';
import { addDays } from '../../shared/time/calendar.ts';

const today = '2026-11-23';
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Valid PNS numbers: birth 1960–2000, TMT 18–40 years later (not in the future), gender, sequence. */
const pnsNip = fc
  .record({
    birthOffset: fc.integer({ min: 0, max: 14_600 }),
    tmtYears: fc.integer({ min: 18, max: 26 }),
    tmtMonth: fc.integer({ min: 1, max: 12 }),
    gender: fc.constantFrom(1, 2),
    sequence: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ birthOffset, tmtYears, tmtMonth, gender, sequence }) => {
    const birth = addDays('1960-01-01', birthOffset);
    return `${birth.replaceAll('-', '')}${Number(birth.slice(0, 4)) + tmtYears}${pad(tmtMonth, 2)}${gender}${pad(sequence, 3)}`;
  });

/** Valid PPPK numbers: birth, appointment year, a two-digit code that is not a month. */
const pppkNip = fc
  .record({
    birthOffset: fc.integer({ min: 0, max: 14_600 }),
    appointedAfter: fc.integer({ min: 18, max: 26 }),
    code: fc.integer({ min: 13, max: 99 }),
    gender: fc.constantFrom(1, 2),
    sequence: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ birthOffset, appointedAfter, code, gender, sequence }) => {
    const birth = addDays('1960-01-01', birthOffset);
    return `${birth.replaceAll('-', '')}${Number(birth.slice(0, 4)) + appointedAfter}${pad(code, 2)}${gender}${pad(sequence, 3)}`;
  });

describe('checkNip', () => {
  it('accepts the examples of both shapes', () => {
    expect(checkNip('198609262015051001', today)).toMatchObject({ valid: true, kind: 'PNS', birthDate: '1986-09-26', gender: 1 });
    expect(checkNip('199009132025242014', today)).toMatchObject({ valid: true, kind: 'PPPK', birthDate: '1990-09-13', gender: 2 });
  });

  it('accepts every well-formed PNS and PPPK number', () => {
    fc.assert(fc.property(pnsNip, (nip) => checkNip(nip, today).valid && (checkNip(nip, today) as { kind: string }).kind === 'PNS'));
    fc.assert(fc.property(pppkNip, (nip) => checkNip(nip, today).valid && (checkNip(nip, today) as { kind: string }).kind === 'PPPK'));
  });

  it('names the wrong part', () => {
    const problem = (nip: string) => {
      const result = checkNip(nip, today);
      return result.valid ? '' : result.problems.join(' | ');
    };
    expect(problem('19860926201505100')).toMatch(/18 digits/);
    expect(problem('1986092620150510011')).toMatch(/18 digits/);
    expect(problem('19860926201505100X')).toMatch(/digits only/);
    expect(problem('198602302015051001')).toMatch(/birth date/);
    expect(problem('208609262015051001')).toMatch(/birth date/);
    expect(problem('198609261985051001')).toMatch(/TMT/);
    expect(problem('198609262015053001')).toMatch(/gender/);
    expect(problem('198609262015051000')).toMatch(/sequence/);
    expect(problem('199009131985242014')).toMatch(/appointment year/);
  });

  it('rejects any single changed gender digit other than 1 or 2', () => {
    fc.assert(
      fc.property(pnsNip, fc.constantFrom('0', '3', '4', '5', '6', '7', '8', '9'), (nip, digit) => {
        const result = checkNip(`${nip.slice(0, 14)}${digit}${nip.slice(15)}`, today);
        expect(result.valid).toBe(false);
        if (!result.valid) expect(result.problems.join()).toMatch(/gender/);
      }),
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof checkNip(text, today).valid === 'boolean'));
  });
});
