import { parse } from 'csv-parse/sync';
import type { Actor } from '../actor.ts';
import { writeOnce } from '../db/idempotency.ts';
import { InvalidInputError, type FieldError } from '../errors.ts';
import { fieldErrors } from '../validation.ts';
import { nip as nipSchema, trainingBody, type ImportResult } from './schemas.ts';
import { addTrainings } from './service/bulk-trainings.ts';
import type { Outcome } from './service/outcomes.ts';

/** The roster columns, in the order the header must list them. */
export const IMPORT_COLUMNS = ['nip', 'title', 'provider', 'method', 'startsOn', 'endsOn', 'hours', 'agreementId', 'certificateNumber'] as const;

/** Rejected rows listed in full: enough to fix a file, few enough that a file of bad rows gets a small answer. */
export const MAX_LISTED_REJECTIONS = 100;

/**
 * Hours as people type them: a plain decimal with a point or an Indonesian decimal comma (`7.5`,
 * `7,5`), at most two decimals (hours are quarters). Not `1e1` or `0x8`, which Number() would
 * read as 10 and 8.
 */
const PLAIN_HOURS = /^\d{1,5}(?:[.,]\d{1,2})?$/;

/** A row's outcome, with its line for the rejected ones. */
type RowOutcome = Outcome & { line: number };

/**
 * Imports a class roster through the bulk writer (`addTrainings`: an employee-year's rows in one
 * transaction with their total), so a bad row changes nothing and the good rows are kept; a row
 * already recorded (same course or certificate) counts as a duplicate, which makes re-importing
 * a file harmless. Every row that is not stored is reported: the answer is
 * never a 5xx once a row may have been written.
 *
 * With an Idempotency-Key, the result is recorded once after the rows (an import is many
 * transactions, not one), so a retry gets the first result back and the same key with another
 * file is a 422. No result is recorded while some row failed for a passing reason: a retry with
 * the same key then runs the file again, and the rows already stored count as duplicates.
 */
export async function importTrainings(csv: string, actor: Actor): Promise<ImportResult> {
  const { result } = await writeOnce(actor.idempotency, actor.now, () => importRows(csv, actor));
  return result;
}

async function importRows(csv: string, actor: Actor): Promise<{ result: ImportResult; steps: []; final: boolean }> {
  const rows = parseRoster(csv);
  const checked = rows.map((row) => ({ line: row.line, ...rowProblems(row.values, row.extra) }));
  const valid = checked.flatMap((row) => (row.rejected ? [] : [{ line: row.line, nip: row.nip, body: row.body }]));
  const written = await addTrainings(valid, { subject: actor.subject, now: actor.now });
  const byLine = new Map(valid.map((row, index) => [row.line, written[index]!]));
  const outcomes: RowOutcome[] = checked.map((row) => ({ line: row.line, ...(row.rejected ? { kind: 'rejected', errors: row.rejected } : byLine.get(row.line)!) }) as RowOutcome);

  const result = summarize(outcomes);
  const passing = outcomes.find((outcome) => outcome.kind === 'rejected' && outcome.retryable);
  // Nothing stored at all: the plain answer is "retry later" (503), nothing to report.
  if (passing?.kind === 'rejected' && result.imported === 0) throw passing.retryable;
  return { result, steps: [], final: !passing };
}

function summarize(outcomes: RowOutcome[]): ImportResult {
  const rejected = outcomes.flatMap((outcome) => (outcome.kind === 'rejected' ? [{ line: outcome.line, errors: outcome.errors }] : []));
  return {
    imported: outcomes.filter((outcome) => outcome.kind === 'imported').length,
    duplicates: outcomes.filter((outcome) => outcome.kind === 'duplicate').length,
    rejectedCount: rejected.length,
    rejected: rejected.slice(0, MAX_LISTED_REJECTIONS),
    ...(rejected.length > MAX_LISTED_REJECTIONS
      ? { rejectedNote: `Only the first ${MAX_LISTED_REJECTIONS} of the ${rejected.length} rejected rows are listed; fix them and import the file again.` }
      : {}),
  };
}

interface Row {
  line: number;
  values: Record<string, string>;
  /** Values beyond the header's columns (a comma in an unquoted value, or a stray column). */
  extra: string[];
}

function parseRoster(csv: string): Row[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    throw new InvalidInputError([{ path: '', message: `is not valid CSV (${(error as Error).message})` }]);
  }
  const [header, ...data] = records;
  checkHeader(header?.record.map((name) => name.trim()) ?? []);
  return data.map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(IMPORT_COLUMNS.map((column, index) => [column, record[index] ?? ''])),
    extra: record.slice(IMPORT_COLUMNS.length),
  }));
}

function checkHeader(columns: string[]): void {
  if (columns.join(',') === IMPORT_COLUMNS.join(',')) return;
  const known: readonly string[] = IMPORT_COLUMNS;
  const unknown = columns.filter((column) => !known.includes(column));
  const missing = IMPORT_COLUMNS.filter((column) => !columns.includes(column));
  const details = [
    unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map(quoted).join(', ')}` : '',
    missing.length ? `missing ${missing.join(', ')}` : '',
  ].filter(Boolean);
  const why = details.length ? details.join('; ') : 'the columns are in another order';
  throw new InvalidInputError([{ path: 'header', message: `must be exactly: ${IMPORT_COLUMNS.join(',')} (${why})` }]);
}

const quoted = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

function rowProblems(values: Record<string, string>, extra: string[]) {
  const { nip, hours, agreementId, certificateNumber, ...rest } = values;
  const hoursValid = hours === '' || PLAIN_HOURS.test(hours!);
  const candidate = {
    ...rest,
    hours: hours === '' || !hoursValid ? undefined : Number(hours!.replace(',', '.')),
    ...(agreementId ? { agreementId } : {}),
    ...(certificateNumber ? { certificateNumber } : {}),
  };
  const nipCheck = nipSchema.safeParse(nip, { reportInput: true });
  const bodyCheck = trainingBody.safeParse(candidate, { reportInput: true });
  const hoursProblem: FieldError[] = hoursValid ? [] : [{ path: 'hours', message: `must be a plain number of hours such as 7.5 or 7,5 (not ${quoted(hours!)})` }];
  const extraProblem: FieldError[] = extra.some((value) => value !== '')
    ? [{ path: '', message: `has ${extra.length} value${extra.length > 1 ? 's' : ''} beyond the ${IMPORT_COLUMNS.length} columns of the header (${extra.map(quoted).join(', ')}): quote a value that contains a comma` }]
    : [];
  const problems = [
    ...extraProblem,
    ...(nipCheck.success ? [] : fieldErrors(nipCheck.error.issues, ['nip'])),
    ...hoursProblem,
    ...(bodyCheck.success ? [] : fieldErrors(bodyCheck.error.issues).filter((problem) => hoursValid || problem.path !== 'hours')),
  ];
  if (problems.length || !nipCheck.success || !bodyCheck.success) {
    return { rejected: problems.map((problem) => `${problem.path || 'row'} ${problem.message}`) } as const;
  }
  return { rejected: undefined, nip: nipCheck.data, body: bodyCheck.data } as const;
}
