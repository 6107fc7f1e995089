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

export type NipCheck = { valid: true; kind: NipKind; birthDate: string; gender: 1 | 2 } | { valid: false; problems: string[] };

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
  if (!/^\d+$/.test(nip)) return { valid: false, problems: ['must contain digits only'] };
  if (nip.length !== 18) return { valid: false, problems: [`must be 18 digits long, not ${nip.length}`] };

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
        : `digits 13–14 ${nip.slice(12, 14)} are neither a TMT CPNS month (01–12) nor a PPPK code (${FIRST_PPPK_CODE}–99)`;

  const gender = nip.charAt(14);
  const problems = [
    birthProblem,
    appointmentProblem,
    gender === '1' || gender === '2' ? undefined : `digit 15 (gender) must be 1 or 2, not ${gender}`,
    nip.endsWith('000') ? 'digits 16–18 (sequence) must be 001 or higher' : undefined,
  ].filter((problem): problem is string => problem !== undefined);

  return problems.length || !kind ? { valid: false, problems } : { valid: true, kind, birthDate, gender: Number(gender) as 1 | 2 };
}

function birthDateProblem(digits: string, birthDate: CalendarDate, today: CalendarDate): string | undefined {
  const part = `digits 1–8 (birth date, YYYYMMDD) ${digits}`;
  if (!isCalendarDate(birthDate)) return `${part} are not a real date`;
  if (birthDate > today) return `${part} are in the future`;
  if (birthDate < EARLIEST_BIRTH_DATE) return `${part} are before ${EARLIEST_BIRTH_DATE}: no holder of an 18-digit NIP was born that early`;
  return undefined;
}

/** The appointment may be dated up to next year: a number can be issued before its TMT. */
function latestAppointmentYear(today: CalendarDate): number {
  return Number(today.slice(0, 4)) + 1;
}

/** PNS digits 9–14: TMT CPNS, the first day of that month, at working age. */
function tmtProblem(digits: string, born: CalendarDate | undefined, today: CalendarDate): string | undefined {
  const part = `digits 9–14 (TMT CPNS, YYYYMM) ${digits}`;
  if (Number(digits.slice(0, 4)) > latestAppointmentYear(today)) return `${part} are later than ${latestAppointmentYear(today)}`;
  if (born === undefined) return undefined;
  const tmt = `${digits.slice(0, 4)}-${digits.slice(4)}-01`;
  const youngest = addYears(born, MIN_APPOINTMENT_AGE);
  if (tmt < youngest) return `${part} are before the holder turned ${MIN_APPOINTMENT_AGE} (${youngest}), the youngest age of appointment`;
  const tooOld = addYears(born, MAX_APPOINTMENT_AGE + 1);
  if (tmt >= tooOld) return `${part} are after the holder's ${MAX_APPOINTMENT_AGE}th year (born ${born}), the oldest age of appointment`;
  return undefined;
}

/** PPPK digits 9–12: the appointment year, in the PPPK era, at working age (by year: the month is not in the number). */
function pppkYearProblem(digits: string, code: string, born: CalendarDate | undefined, today: CalendarDate): string | undefined {
  const part = `digits 9–12 (PPPK appointment year) ${digits}`;
  const year = Number(digits);
  if (year < FIRST_PPPK_YEAR) {
    return `${part} are before ${FIRST_PPPK_YEAR}, when PPPK began; nor can it be a PNS number: digits 13–14 ${code} are not a TMT month (01–12)`;
  }
  if (year > latestAppointmentYear(today)) return `${part} are later than ${latestAppointmentYear(today)}`;
  if (born === undefined) return undefined;
  const age = year - Number(born.slice(0, 4));
  if (age < MIN_APPOINTMENT_AGE || age > MAX_APPOINTMENT_AGE) {
    return `${part} make the holder (born ${born}) ${age} that year; a PPPK is appointed aged ${MIN_APPOINTMENT_AGE} to ${MAX_APPOINTMENT_AGE}`;
  }
  return undefined;
}
