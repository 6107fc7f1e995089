import { z } from 'zod';
import { isCalendarDate } from '../time/calendar.ts';

/** Building blocks shared by every capability's schemas. */
/** Dates outside these bounds are typos; within them, the day after any date is still a date. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

export const calendarDate = z
  .string()
  .refine(isCalendarDate, { message: 'must be a real date written YYYY-MM-DD', abort: true })
  .refine((date) => date >= EARLIEST_DATE && date <= LATEST_DATE, { message: `must be between ${EARLIEST_DATE} and ${LATEST_DATE}` })
  .meta({ format: 'date', example: '2026-01-28' });

export const timestamp = z.string().meta({ format: 'date-time', example: '2026-01-28T03:00:00.000Z' });

export function text(max: number) {
  return z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
}

export const email = z.email({ message: 'must be a valid email address' }).max(254);

/** Ids in paths: anything plausible is looked up (and may be a 404), nothing odd reaches a key. */
export const resourceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, - or _');

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, such as ID or JP')
  .refine((code) => {
    const name = regionNames.of(code);
    return name !== undefined && name !== code && name !== 'Unknown Region';
  }, 'is not an ISO 3166-1 country code');

/**
 * A whole number as query strings and paths carry it: decimal digits only (no `0x10`, no `1e2`,
 * no `1.5`), then checked against its bounds.
 */
export function wholeNumber(description: string, min: number, max: number) {
  return z
    .string()
    .regex(/^-?\d{1,9}$/, `must be ${description}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
}

export const limit = wholeNumber('a whole number from 1 to 100', 1, 100).default(25);

export const cursor = z.string().min(1).max(2048).meta({ description: 'The `nextCursor` of the previous page.' });

/** `{ items, nextCursor? }`: every list of the API. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().optional() });
}
