import { isCalendarDate } from '../time/calendar.ts';

/**
 * The civil-servant number (NIP), 18 digits (domain.md §3):
 *
 *   PNS   YYYYMMDD birth · YYYYMM TMT CPNS · gender 1|2 · sequence 001+
 *   PPPK  YYYYMMDD birth · YYYY appointment year · 2 digits that are not a month · gender · sequence
 *
 * The shape is told apart by digits 13–14: a month (01–12) means PNS. Every problem names the
 * part of the number that is wrong, so that a clerk can find the typo.
 */
export type NipKind = 'PNS' | 'PPPK';

export type NipCheck = { valid: true; kind: NipKind; birthDate: string; gender: 1 | 2 } | { valid: false; problems: string[] };

export function checkNip(nip: string, today = new Date().toISOString().slice(0, 10)): NipCheck {
  if (!/^\d+$/.test(nip)) return { valid: false, problems: ['must contain digits only'] };
  if (nip.length !== 18) return { valid: false, problems: [`must be 18 digits long, not ${nip.length}`] };

  const problems: string[] = [];
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  const birthValid = isCalendarDate(birthDate) && birthDate >= '1900-01-01' && birthDate <= today;
  if (!birthValid) problems.push(`digits 1–8 (birth date, YYYYMMDD) ${nip.slice(0, 8)} are not a real past date`);

  const middleMonth = Number(nip.slice(12, 14));
  const kind: NipKind = middleMonth >= 1 && middleMonth <= 12 ? 'PNS' : 'PPPK';
  const year = nip.slice(8, 12);
  const thisYear = Number(today.slice(0, 4));
  if (kind === 'PNS') {
    const tmt = `${year}-${nip.slice(12, 14)}`;
    if (Number(year) < 1900 || Number(year) > thisYear + 1 || (birthValid && tmt <= birthDate.slice(0, 7))) {
      problems.push(`digits 9–14 (TMT CPNS, YYYYMM) ${nip.slice(8, 14)} must be a real month after the birth date`);
    }
  } else if (Number(year) < 1900 || Number(year) > thisYear + 1 || (birthValid && Number(year) <= Number(birthDate.slice(0, 4)))) {
    problems.push(`digits 9–12 (PPPK appointment year) ${year} must be a year after the birth date`);
  }

  const gender = nip.charAt(14);
  if (gender !== '1' && gender !== '2') problems.push(`digit 15 (gender) must be 1 or 2, not ${gender}`);
  if (nip.slice(15) === '000') problems.push('digits 16–18 (sequence) must be 001 or higher');

  return problems.length ? { valid: false, problems } : { valid: true, kind, birthDate, gender: Number(gender) as 1 | 2 };
}
