import { addDays } from '../../shared/time/calendar.ts';
import { checkNip } from '../../shared/training/nip.ts';

const BIRTH_DAYS = 9_000;

/**
 * A distinct, valid PNS NIP for each index below 8,991,000: birth dates from 1960 over ~24 years,
 * TMT in January of the year the holder turns 25 (checkNip wants a working age at appointment),
 * then the sequence counts up (001–999).
 * test/support/fixtures/employees.ts's nipFor runs past today's date beyond ~11,000 indexes.
 */
export function benchNip(index: number): string {
  const birth = addDays('1960-01-01', index % BIRTH_DAYS);
  const sequence = 1 + Math.floor(index / BIRTH_DAYS);
  if (sequence > 999) throw new Error(`benchNip: index ${index} is out of range`);
  return `${birth.replaceAll('-', '')}${Number(birth.slice(0, 4)) + 25}01${(index % 2) + 1}${String(sequence).padStart(3, '0')}`;
}

/** Fails fast if the generator ever stops producing numbers the API accepts. */
export function assertBenchNipsValid(samples = [0, 1, BIRTH_DAYS - 1, BIRTH_DAYS, 123_456]): void {
  for (const index of samples) {
    const check = checkNip(benchNip(index));
    if (!check.valid) throw new Error(`benchNip(${index}) = ${benchNip(index)} is not valid: ${check.problems.map((problem) => problem.message).join('; ')}`);
  }
}
