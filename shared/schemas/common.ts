import * as z from 'zod/mini';
import { isCalendarDate } from '../time/calendar.ts';
import { countryCodes, isCountryCode, suggestCountryCode } from './countries.ts';

/**
 * Building blocks shared by every capability's schemas, written with `zod/mini`: it tree-shakes,
 * so a Lambda bundle carries only the checks it uses (full `zod` cost every bundle ~450 KB).
 */

/** Dates outside these bounds are typos; within them, the day after any date is still a date. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

export const calendarDate = z.string().check(
  z.refine(isCalendarDate, { message: 'must be a real date written YYYY-MM-DD', abort: true }),
  z.refine((date: string) => date >= EARLIEST_DATE && date <= LATEST_DATE, { message: `must be between ${EARLIEST_DATE} and ${LATEST_DATE}` }),
  z.meta({
    format: 'date',
    // What the server accepts, said in the contract: a year from 1900 to 2199.
    pattern: '^(19|20|21)\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
    example: '2026-01-28',
  }),
);

export const timestamp = z.string().check(z.meta({ format: 'date-time', example: '2026-01-28T03:00:00.000Z' }));

/** Control characters, lone surrogates, private-use and unassigned code points. */
const NOT_TEXT = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]/u;
/** Control characters other than line breaks and tabs, for multi-line text. */
const NOT_PARAGRAPHS = /[\p{Cs}\p{Co}\p{Cn}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/** What is left of a text once invisible characters are removed must be something. */
const VISIBLE = /[^\s\p{Cf}\p{Cc}]/u;

function printable(allowed: RegExp, what: string) {
  return z.refine<string>((value) => value.isWellFormed() && !allowed.test(value), {
    message: `must be ${what}: control, private-use or broken characters are not accepted`,
    abort: true,
  });
}

/** NFC, so that the same name typed on two keyboards is the same string (and the same unit). */
const normalized = z.overwrite((value: string) => value.normalize('NFC').trim());

/** One line of human text: normalized, printable, visible, bounded. */
export function text(max: number) {
  return z.string().check(
    printable(NOT_TEXT, 'printable text on one line'),
    normalized,
    z.minLength(1, { message: 'must not be empty', abort: true }),
    z.refine((value: string) => VISIBLE.test(value), { message: 'must contain a visible character', abort: true }),
    z.maxLength(max, `must be at most ${max} characters`),
  );
}

/** Free text that may span lines (notes). */
export function paragraphs(max: number) {
  return z.string().check(printable(NOT_PARAGRAPHS, 'printable text'), normalized, z.maxLength(max, `must be at most ${max} characters`));
}

export const email = z.email({ message: 'must be a valid email address' }).check(z.maxLength(254, 'must be at most 254 characters'));

/** Ids in paths: anything plausible is looked up (and may be a 404), nothing odd reaches a key. */
export const resourceId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, - or _'));

export const countryCode = z.string().check(
  z.superRefine((code: string, context) => {
    if (isCountryCode(code)) return;
    const suggestion = suggestCountryCode(code);
    const hint = suggestion ? `: write ${suggestion}` : ', such as ID or JP';
    context.addIssue({ code: 'custom', input: code, message: `must be an ISO 3166-1 alpha-2 country code${hint}` });
  }),
  z.meta({ enum: countryCodes, description: 'ISO 3166-1 alpha-2 code, e.g. ID, JP, GB.', example: 'ID' }),
);

/**
 * A whole number as query strings and paths carry it: decimal digits only (no `0x10`, no `1e2`,
 * no `1.5`), then checked against its bounds. The contract documents it as an integer in range.
 */
export function wholeNumber(description: string, min: number, max: number) {
  return z
    .pipe(
      z.pipe(z.string().check(z.regex(/^-?\d{1,9}$/, `must be ${description}`)), z.transform(Number)),
      z.number().check(z.gte(min, `must be at least ${min}`), z.lte(max, `must be at most ${max}`)),
    )
    .check(z.meta({ type: 'integer', minimum: min, maximum: max }));
}

export const limit = z._default(wholeNumber('a whole number from 1 to 100', 1, 100), 25);

export const cursor = z.string().check(
  z.minLength(1),
  z.maxLength(2048),
  z.meta({ description: 'The `nextCursor` of the previous page.' }),
);

/** `{ items, nextCursor? }`: every list of the API. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });
}
