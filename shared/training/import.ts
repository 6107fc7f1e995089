import { parse } from 'csv-parse/sync';
import type { Actor } from '../actor.ts';
import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '../errors.ts';
import { fieldErrors } from '../validation.ts';
import { nip as nipSchema, trainingBody, type ImportResult } from './schemas.ts';
import { addTraining } from './service/records.ts';

/** The roster columns, in the order the header must list them. */
export const IMPORT_COLUMNS = ['nip', 'title', 'provider', 'method', 'startsOn', 'endsOn', 'hours', 'agreementId', 'certificateNumber'] as const;

/** Rows written at once: enough to keep DynamoDB busy, few enough for one Lambda. */
const CONCURRENCY = 16;

type Outcome = { kind: 'imported' } | { kind: 'duplicate' } | { kind: 'rejected'; line: number; errors: string[] };

/**
 * Imports a class roster. Each row is one training record written like `POST .../trainings`
 * (its own transaction with the employee's total), so a bad row changes nothing and the good
 * rows are kept; a row already recorded (same course or certificate) counts as a duplicate, which
 * makes re-importing a file harmless.
 */
export async function importTrainings(csv: string, actor: Actor): Promise<ImportResult> {
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
  return {
    imported: outcomes.filter((outcome) => outcome.kind === 'imported').length,
    duplicates: outcomes.filter((outcome) => outcome.kind === 'duplicate').length,
    rejected: outcomes.flatMap((outcome) => (outcome.kind === 'rejected' ? [{ line: outcome.line, errors: outcome.errors }] : [])),
  };
}

interface Row {
  line: number;
  values: Record<string, string>;
}

function parseRoster(csv: string): Row[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    throw new InvalidInputError([{ path: '', message: `is not valid CSV (${(error as Error).message})` }]);
  }
  const [header, ...data] = records;
  const columns = header?.record.map((name) => name.trim());
  if (!columns || columns.join(',') !== IMPORT_COLUMNS.join(',')) {
    throw new InvalidInputError([{ path: 'header', message: `must be exactly: ${IMPORT_COLUMNS.join(',')}` }]);
  }
  return data.map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(IMPORT_COLUMNS.map((column, index) => [column, record[index] ?? ''])),
  }));
}

async function importRow({ line, values }: Row, actor: Actor): Promise<Outcome> {
  const { nip, hours, agreementId, certificateNumber, ...rest } = values;
  const candidate = {
    ...rest,
    hours: hours === '' ? undefined : Number(hours),
    ...(agreementId ? { agreementId } : {}),
    ...(certificateNumber ? { certificateNumber } : {}),
  };
  const nipCheck = nipSchema.safeParse(nip, { reportInput: true });
  const bodyCheck = trainingBody.safeParse(candidate, { reportInput: true });
  const problems = [
    ...(nipCheck.success ? [] : fieldErrors(nipCheck.error.issues, ['nip'])),
    ...(bodyCheck.success ? [] : fieldErrors(bodyCheck.error.issues)),
  ];
  if (problems.length || !nipCheck.success || !bodyCheck.success) {
    return { kind: 'rejected', line, errors: problems.map((problem) => `${problem.path} ${problem.message}`) };
  }
  try {
    await addTraining(nipCheck.data, bodyCheck.data, { subject: actor.subject, now: actor.now });
    return { kind: 'imported' };
  } catch (error) {
    if (error instanceof ConflictError) return { kind: 'duplicate' };
    if (error instanceof NotFoundError) return { kind: 'rejected', line, errors: ['nip names no registered employee'] };
    if (error instanceof DomainError) return { kind: 'rejected', line, errors: [error.message] };
    throw error;
  }
}
