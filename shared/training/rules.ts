import { fieldError, type FieldError } from '../errors.ts';
import { keyText } from '../text.ts';
import { daysBetween, isCalendarDate } from '../time/calendar.ts';

/**
 * Training-hour rules as plain functions. Hours count in the year the training ends, so a
 * course ending on 1 January counts for the new year; a total is always per (employee, year).
 */
export const MAX_HOURS_PER_DAY = 24;

export function trainingYear(endsOn: string): number {
  return Number(endsOn.slice(0, 4));
}

export function trainingRuleViolations(draft: { startsOn?: unknown; endsOn?: unknown; hours?: unknown }): FieldError[] {
  const { startsOn, endsOn, hours } = draft;
  if (typeof startsOn !== 'string' || typeof endsOn !== 'string' || !isCalendarDate(startsOn) || !isCalendarDate(endsOn)) return [];
  if (endsOn < startsOn) return [fieldError('endsOn', 'END_BEFORE_START', { startsOn })];
  const days = daysBetween(startsOn, endsOn) + 1;
  if (typeof hours === 'number' && hours > days * MAX_HOURS_PER_DAY) {
    return [fieldError('hours', 'HOURS_OVER_DAILY_LIMIT', { maximum: days * MAX_HOURS_PER_DAY, perDay: MAX_HOURS_PER_DAY, days })];
  }
  return [];
}

/** The smallest amount of training hours: every record and total is a whole number of them. */
export const QUARTER_HOUR = 0.25;

/**
 * Whether a number of hours is a whole number of quarter hours. Multiplying by 4 is exact in
 * binary floating point, so `1.0000000000000002` and `1e-20` are refused, unlike a tolerant
 * `multipleOf`.
 */
export function isQuarterHours(value: number): boolean {
  return Number.isSafeInteger(value * 4);
}

/** Rounds away the float noise of summing quarter hours (they are exact, but be safe). */
export function roundHours(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Hours against the target, with the same figures in JP of `jpMinutes` beside them (45: the national JP). */
export function compliance(hours: number, targetHours: number, jpMinutes = 45) {
  const rounded = roundHours(hours);
  const remainingHours = roundHours(Math.max(0, targetHours - rounded));
  const jp = (value: number) => roundHours((value * 60) / jpMinutes);
  return { hours: rounded, targetHours, remainingHours, compliant: rounded >= targetHours, jp: jp(rounded), targetJp: jp(targetHours), remainingJp: jp(remainingHours) };
}

/** Two records describe the same course attendance when these match (case and spacing aside). */
export function attendanceKey(training: { title: string; provider: string; startsOn: string; endsOn: string }): string {
  // JSON, not a separator: title "A|B" with provider "C" is not title "A" with provider "B|C".
  return JSON.stringify([keyText(training.title), keyText(training.provider), training.startsOn, training.endsOn]);
}

/** The fields an employee write changes, for the audit trail (never their values: personal data). */
export function changedFields<T extends object>(before: Partial<T> | undefined, input: T): string[] {
  return Object.keys(input).filter((field) => before?.[field as keyof T] !== input[field as keyof T]);
}

export interface UnitTally {
  unit: string;
  employees: number;
  met: number;
  unmet: number;
  rate: number;
}

/** Adds one employee's hours to their unit's tally (units keyed as stored, first spelling kept). */
export function tallyUnit(tallies: Map<string, UnitTally>, key: string, unit: string, hours: number, targetHours: number): void {
  const tally = tallies.get(key) ?? { unit, employees: 0, met: 0, unmet: 0, rate: 0 };
  tally.employees += 1;
  if (compliance(hours, targetHours).compliant) tally.met += 1;
  else tally.unmet += 1;
  tally.rate = roundHours(tally.met / tally.employees);
  tallies.set(key, tally);
}
