import type { Actor } from '../actor.ts';
import type { FieldError } from '../errors.ts';
import { render, type Language } from '../i18n/messages.ts';
import { writeOnce } from '../db/idempotency.ts';
import { HttpError } from '../http/problem.ts';
import { checkTrainingRow, parseRoster, rosterColumns } from './imports/roster.ts';
import { rowErrorsText } from './imports/row-errors.ts';
import { addTrainings } from './imports/writers.ts';
import type { ImportResult } from './schemas.ts';

/** The roster columns as the API names them (Indonesian names are accepted too: shared/training/imports/roster.ts). */
export const IMPORT_COLUMNS = rosterColumns('trainings');

/**
 * Rows one synchronous import takes. It must finish well inside API Gateway's 29 s: on AWS a row
 * is one ~20-40 ms transaction, 16 in flight (1,000 rows ≈ 2-3 s); on the local engine, the
 * slowest place it runs, 1,000 rows take ~14 s (bench/RESULTS.md). Larger rosters go to
 * `POST /training-imports`, which runs in the background.
 */
export const MAX_SYNC_ROWS = 1_000;

/** Rejected rows listed in full: enough to fix a file, few enough that a file of bad rows gets a small answer. */
export const MAX_LISTED_REJECTIONS = 100;

type Outcome =
  | { kind: 'imported' }
  | { kind: 'duplicate' }
  /** `retryable`: the row was not stored for a passing reason (the database did not answer). */
  | { kind: 'rejected'; line: number; errors: FieldError[]; retryable?: Error };

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
export async function importTrainings(csv: string, actor: Actor, language: Language): Promise<ImportResult> {
  const { result } = await writeOnce(actor.idempotency, actor.now, () => importRows(csv, actor, language));
  return result;
}

async function importRows(csv: string, actor: Actor, language: Language): Promise<{ result: ImportResult; steps: []; final: boolean }> {
  const { header, rows } = parseRoster(csv, 'trainings');
  if (rows.length > MAX_SYNC_ROWS) {
    throw new HttpError(
      413,
      `The roster has ${rows.length} rows; this synchronous import takes at most ${MAX_SYNC_ROWS}. Send it to POST /training-imports, which imports it in the background (GET /training-imports/{id} follows its progress).`,
    );
  }
  const checked = rows.map((row) => ({ line: row.line, check: checkTrainingRow(header, row) }));
  const valid = checked.flatMap(({ line, check }) => (check.ok ? [{ line, entry: check.entry }] : []));
  const written = await addTrainings(valid.map(({ entry }) => entry), { subject: actor.subject, now: actor.now });
  const byLine = new Map(valid.map(({ line }, index) => [line, written[index]!]));
  const outcomes: Outcome[] = checked.map(({ line, check }) => {
    if (!check.ok) return { kind: 'rejected', line, errors: check.errors };
    const outcome = byLine.get(line)!;
    return outcome.kind === 'rejected' ? { ...outcome, line } : outcome;
  });

  const result = summarize(outcomes, language);
  const passing = outcomes.find((outcome) => outcome.kind === 'rejected' && outcome.retryable);
  // Nothing stored at all: the plain answer is "retry later" (503), nothing to report.
  if (passing?.kind === 'rejected' && result.imported === 0) throw passing.retryable;
  return { result, steps: [], final: !passing };
}

/** The counts, and the rejected rows with their reasons in the caller's language (a replay answers in the first caller's). */
function summarize(outcomes: Outcome[], language: Language): ImportResult {
  const rejected = outcomes.flatMap((outcome) => (outcome.kind === 'rejected' ? [{ line: outcome.line, errors: rowErrorsText(outcome.errors, language) }] : []));
  return {
    imported: outcomes.filter((outcome) => outcome.kind === 'imported').length,
    duplicates: outcomes.filter((outcome) => outcome.kind === 'duplicate').length,
    rejectedCount: rejected.length,
    rejected: rejected.slice(0, MAX_LISTED_REJECTIONS),
    ...(rejected.length > MAX_LISTED_REJECTIONS
      ? { rejectedNote: render('IMPORT_REJECTED_LISTED', { listed: MAX_LISTED_REJECTIONS, rejected: rejected.length }, language) }
      : {}),
  };
}
