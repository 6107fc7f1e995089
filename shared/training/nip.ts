import { render, type MessageCode, type Params } from '../i18n/messages.ts';
import { addYears, isCalendarDate, todayInJakarta, type CalendarDate } from '../time/calendar.ts';

/**
 * The civil-servant number (NIP), 18 digits (domain.md §3):
 *
 *   PNS   YYYYMMDD birth · YYYYMM TMT CPNS · gender 1|2 · sequence 001+
 *   PPPK  YYYYMMDD birth · YYYY appointment year · 2-digit code 13–99 · gender · sequence
 *
 * Digits 13–14 tell the shapes apart: a month (01–12) means PNS, 13–99 PPPK, 00 neither (the
 * PPPK codes in use are not published to us: `24` is the one we have seen, so every pair that
 * cannot be a month is accepted, and `00` is read as a missing month). Since a PNS month typed as
 * 13–99 looks like a PPPK code, a PPPK number must also be appointed in or after 2019.
 *
 * The number must be plausible, not just well formed: a real birth date of someone who can hold
 * an 18-digit NIP, appointed at working age. Every problem names the part of the number that is
 * wrong, because clerks read these messages to find the typo.
 */
export type NipKind = 'PNS' | 'PPPK';

/** One thing wrong with a number: its catalogue code and parameters, and the message in English. */
export interface NipProblem {
  code: MessageCode;
  params?: Params;
  message: string;
}

export type NipCheck = { valid: true; kind: NipKind; birthDate: string; gender: 1 | 2 } | { valid: false; problems: NipProblem[] };

function problem(code: MessageCode, params?: Params): NipProblem {
  return { code, ...(params ? { params } : {}), message: render(code, params) };
}

/**
 * The 18-digit NIP dates from 2008 (Perka BKN 43/2007) and was given to serving civil servants;
 * the oldest of them, professors, serve until 70 (UU 14/2005): nobody holding one was born
 * before 1938. A fixed date, so that a stored employee never becomes unreadable as years pass.
 */
export const EARLIEST_BIRTH_DATE = '1938-01-01';

/** The youngest appointment: a CPNS applicant is at least 18 (PP 11/2017 art. 23), a PPPK at least 20 (PP 49/2018 art. 16). */
export const MIN_APPOINTMENT_AGE = 18;

/**
 * The oldest appointment. CPNS applicants are at most 35 (40 for some posts), but honorary staff
 * became CPNS until 2014 at up to ~54 (aged at most 46 on 1 January 2006, PP 48/2005), and a PPPK
 * is appointed up to one year before the retirement age of the post, 65 at most (UU 20/2023).
 * Anything older is a typo, not a person.
 */
export const MAX_APPOINTMENT_AGE = 65;

/** PPPK began with PP 49/2018; the first PPPK were appointed in 2019. */
export const FIRST_PPPK_YEAR = 2019;

/** Digits 13–14 of a PPPK number: any pair that cannot be a month, except 00. */
const FIRST_PPPK_CODE = 13;

export function checkNip(nip: string, today: CalendarDate = todayInJakarta()): NipCheck {
  if (!/^\d+$/.test(nip)) return { valid: false, problems: [problem('NIP_DIGITS_ONLY')] };
  if (nip.length !== 18) return { valid: false, problems: [problem('NIP_LENGTH', { length: nip.length })] };

  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  const birthProblem = birthDateProblem(nip.slice(0, 8), birthDate, today);
  // The appointment is judged against the birth date only when that date is right.
  const born = birthProblem ? undefined : birthDate;
  const code = Number(nip.slice(12, 14));
  const kind: NipKind | undefined = code >= 1 && code <= 12 ? 'PNS' : code >= FIRST_PPPK_CODE ? 'PPPK' : undefined;
  const appointmentProblem =
    kind === 'PNS'
      ? tmtProblem(nip.slice(8, 14), born, today)
      : kind === 'PPPK'
        ? pppkYearProblem(nip.slice(8, 12), nip.slice(12, 14), born, today)
        : problem('NIP_TYPE_CODE_INVALID', { digits: nip.slice(12, 14), first: FIRST_PPPK_CODE });

  const gender = nip.charAt(14);
  const problems = [
    birthProblem,
    appointmentProblem,
    gender === '1' || gender === '2' ? undefined : problem('NIP_GENDER_INVALID', { digit: gender }),
    nip.endsWith('000') ? problem('NIP_SEQUENCE_INVALID') : undefined,
  ].filter((found): found is NipProblem => found !== undefined);

  return problems.length || !kind ? { valid: false, problems } : { valid: true, kind, birthDate, gender: Number(gender) as 1 | 2 };
}

function birthDateProblem(digits: string, birthDate: CalendarDate, today: CalendarDate): NipProblem | undefined {
  if (!isCalendarDate(birthDate)) return problem('NIP_BIRTH_DATE_INVALID', { digits });
  if (birthDate > today) return problem('NIP_BIRTH_DATE_FUTURE', { digits });
  if (birthDate < EARLIEST_BIRTH_DATE) return problem('NIP_BIRTH_DATE_TOO_EARLY', { digits, earliest: EARLIEST_BIRTH_DATE });
  return undefined;
}

/** The appointment may be dated up to next year: a number can be issued before its TMT. */
function latestAppointmentYear(today: CalendarDate): number {
  return Number(today.slice(0, 4)) + 1;
}

/** PNS digits 9–14: TMT CPNS, the first day of that month, at working age. */
function tmtProblem(digits: string, born: CalendarDate | undefined, today: CalendarDate): NipProblem | undefined {
  if (Number(digits.slice(0, 4)) > latestAppointmentYear(today)) return problem('NIP_TMT_TOO_LATE', { digits, year: latestAppointmentYear(today) });
  if (born === undefined) return undefined;
  const tmt = `${digits.slice(0, 4)}-${digits.slice(4)}-01`;
  const youngest = addYears(born, MIN_APPOINTMENT_AGE);
  if (tmt < youngest) return problem('NIP_TMT_TOO_YOUNG', { digits, age: MIN_APPOINTMENT_AGE, youngest });
  const tooOld = addYears(born, MAX_APPOINTMENT_AGE + 1);
  if (tmt >= tooOld) return problem('NIP_TMT_TOO_OLD', { digits, age: MAX_APPOINTMENT_AGE, born });
  return undefined;
}

/** PPPK digits 9–12: the appointment year, in the PPPK era, at working age (by year: the month is not in the number). */
function pppkYearProblem(digits: string, code: string, born: CalendarDate | undefined, today: CalendarDate): NipProblem | undefined {
  const year = Number(digits);
  if (year < FIRST_PPPK_YEAR) return problem('NIP_PPPK_YEAR_TOO_EARLY', { digits, first: FIRST_PPPK_YEAR, code });
  if (year > latestAppointmentYear(today)) return problem('NIP_PPPK_YEAR_TOO_LATE', { digits, year: latestAppointmentYear(today) });
  if (born === undefined) return undefined;
  const age = year - Number(born.slice(0, 4));
  if (age < MIN_APPOINTMENT_AGE || age > MAX_APPOINTMENT_AGE) {
    return problem('NIP_PPPK_AGE', { digits, born, age, min: MIN_APPOINTMENT_AGE, max: MAX_APPOINTMENT_AGE });
  }
  return undefined;
}
