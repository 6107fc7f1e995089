import { parse } from 'csv-parse/sync';
import type { Actor } from '../actor.ts';
import { writeOnce } from '../db/idempotency.ts';
import { ConflictError, DomainError, fieldError, InvalidInputError, NotFoundError, type FieldError } from '../errors.ts';
import { isTransient } from '../http/problem.ts';
import { log } from '../log.ts';
import { fieldErrors } from '../validation.ts';
import { nip as nipSchema, trainingBody, type ImportResult } from './schemas.ts';
import { addTraining } from './service/records.ts';

/** The roster columns, in the order the header must list them. */
export const IMPORT_COLUMNS = ['nip', 'title', 'provider', 'method', 'startsOn', 'endsOn', 'hours', 'agreementId', 'certificateNumber'] as const;

/** Rows written at once: enough to keep DynamoDB busy, few enough for one Lambda. */
const CONCURRENCY = 16;

/** Rejected rows listed in full: enough to fix a file, few enough that a file of bad rows gets a small answer. */
export const MAX_LISTED_REJECTIONS = 100;

/**
 * Hours as people type them: a plain decimal with a point or an Indonesian decimal comma (`7.5`,
 * `7,5`), at most two decimals (hours are quarters). Not `1e1` or `0x8`, which Number() would
 * read as 10 and 8.
 */
const PLAIN_HOURS = /^\d{1,5}(?:[.,]\d{1,2})?$/;

type Outcome =
  | { kind: 'imported' }
  | { kind: 'duplicate' }
  /** `retryable`: the row was not stored for a passing reason (the database did not answer). */
  | { kind: 'rejected'; line: number; errors: string[]; retryable?: Error };

/**
 * Imports a class roster. Each row is one training record written like `POST .../trainings`
 * (its own transaction with the employee's total), so a bad row changes nothing and the good
 * rows are kept; a row already recorded (same course or certificate) counts as a duplicate, which
 * makes re-importing a file harmless. Every row that is not stored is reported: the answer is
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
  const outcomes: Outcome[] = new Array(rows.length);
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const index = next++;
      outcomes[index] = await importRow(rows[index]!, actor);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));

  const result = summarize(outcomes);
  const passing = outcomes.find((outcome) => outcome.kind === 'rejected' && outcome.retryable);
  // Nothing stored at all: the plain answer is "retry later" (503), nothing to report.
  if (passing?.kind === 'rejected' && result.imported === 0) throw passing.retryable;
  return { result, steps: [], final: !passing };
}

function summarize(outcomes: Outcome[]): ImportResult {
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
    throw new InvalidInputError([fieldError('', 'CSV_INVALID', { reason: (error as Error).message })]);
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
  throw new InvalidInputError([fieldError('header', 'CSV_HEADER_INVALID', { columns: IMPORT_COLUMNS.join(','), reason: why })]);
}

const quoted = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

async function importRow({ line, values, extra }: Row, actor: Actor): Promise<Outcome> {
  const problems = rowProblems(values, extra);
  if (problems.rejected) return { kind: 'rejected', line, errors: problems.rejected };
  try {
    await addTraining(problems.nip, problems.body, { subject: actor.subject, now: actor.now });
    return { kind: 'imported' };
  } catch (error) {
    if (error instanceof ConflictError) return { kind: 'duplicate' };
    if (error instanceof NotFoundError) return { kind: 'rejected', line, errors: ['nip names no registered employee'] };
    if (error instanceof DomainError) return { kind: 'rejected', line, errors: [error.message] };
    if (isTransient(error)) {
      return { kind: 'rejected', line, errors: ['was not stored: the database did not answer in time; import the file again (rows already stored count as duplicates)'], retryable: error as Error };
    }
    // Whatever the store refused is this row's problem, reported with it; the other rows stand.
    log('error', 'import row not stored', { line, error: (error as Error).name, reason: (error as Error).message });
    return { kind: 'rejected', line, errors: ['could not be stored; check its values'] };
  }
}

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
