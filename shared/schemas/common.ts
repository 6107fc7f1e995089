import * as z from 'zod/mini';
import { isCalendarDate } from '../time/calendar.ts';
import { coded } from '../validation.ts';
import { countryCodes, isCountryCode, suggestCountryCode } from './countries.ts';

/**
 * Building blocks shared by every capability's schemas, written with `zod/mini`: it tree-shakes,
 * so a Lambda bundle carries only the checks it uses (full `zod` cost every bundle ~450 KB).
 */

/** Dates outside these bounds are typos; within them, the day after any date is still a date. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

export const calendarDate = z.string().check(
  z.refine(isCalendarDate, { ...coded('DATE_INVALID'), abort: true }),
  z.refine((date: string) => date >= EARLIEST_DATE && date <= LATEST_DATE, coded('DATE_OUT_OF_RANGE', { earliest: EARLIEST_DATE, latest: LATEST_DATE })),
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

function printable(allowed: RegExp, code: 'TEXT_NOT_PRINTABLE_LINE' | 'TEXT_NOT_PRINTABLE') {
  return z.refine<string>((value) => value.isWellFormed() && !allowed.test(value), { ...coded(code), abort: true });
}

/** NFC, so that the same name typed on two keyboards is the same string (and the same unit). */
const normalized = z.overwrite((value: string) => value.normalize('NFC').trim());

/** One line of human text: normalized, printable, visible, bounded. */
export function text(max: number) {
  return z.string().check(
    printable(NOT_TEXT, 'TEXT_NOT_PRINTABLE_LINE'),
    normalized,
    z.minLength(1, { message: 'TEXT_EMPTY', abort: true }),
    z.refine((value: string) => VISIBLE.test(value), { ...coded('TEXT_INVISIBLE'), abort: true }),
    z.maxLength(max),
  );
}

/** Free text that may span lines (notes). */
export function paragraphs(max: number) {
  return z.string().check(printable(NOT_PARAGRAPHS, 'TEXT_NOT_PRINTABLE'), normalized, z.maxLength(max));
}

export const email = z.email().check(z.maxLength(254));

/** Ids in paths: anything plausible is looked up (and may be a 404), nothing odd reaches a key. */
export const resourceId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'ID_INVALID'));

export const countryCode = z.string().check(
  z.superRefine((code: string, context) => {
    if (isCountryCode(code)) return;
    const suggestion = suggestCountryCode(code);
    context.addIssue({ code: 'custom', input: code, ...(suggestion ? coded('COUNTRY_SUGGESTED', { suggestion }) : coded('COUNTRY_INVALID')) });
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
      z.pipe(z.string().check(z.refine((value: string) => /^-?\d{1,9}$/.test(value), coded('WHOLE_NUMBER_EXPECTED', { min, max }))), z.transform(Number)),
      z.number().check(z.gte(min), z.lte(max)),
    )
    .check(z.meta({ type: 'integer', minimum: min, maximum: max, description }));
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
