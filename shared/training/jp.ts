import { roundHours } from './rules.ts';

/**
 * JP (jam pelajaran), the lesson hour of Indonesian civil-service training: 45 minutes by the
 * national rule (the length is a setting, JP_MINUTES, always a multiple of 15 so that a whole JP
 * is a whole number of quarter hours). Hours stay the unit of records and totals; JP are shown
 * beside them, and programs and targets may be given in JP.
 */
export const DEFAULT_JP_MINUTES = 45;

export type LengthUnit = 'HOURS' | 'JP';

export function hoursOfJp(jp: number, jpMinutes: number): number {
  return roundHours((jp * jpMinutes) / 60);
}

export function jpOfHours(hours: number, jpMinutes: number): number {
  return roundHours((hours * 60) / jpMinutes);
}

/** A length given either in hours or in JP, as hours (what is counted) with its JP beside it. */
export function lengthOf(given: { hours?: number | undefined; jp?: number | undefined }, jpMinutes: number): { hours: number; jp: number; unit: LengthUnit } {
  if (given.jp !== undefined) return { hours: hoursOfJp(given.jp, jpMinutes), jp: given.jp, unit: 'JP' };
  const hours = given.hours ?? 0;
  return { hours, jp: jpOfHours(hours, jpMinutes), unit: 'HOURS' };
}
