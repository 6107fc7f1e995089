import { randomUUID } from 'node:crypto';
import type { Actor, VersionPrecondition } from '../../actor.ts';
import { settings } from '../../config.ts';
import { decodeCursor, encodeCursor, type Page } from '../../db/cursor.ts';
import { writeOnce } from '../../db/idempotency.ts';
import { queryPage, type Key } from '../../db/query.ts';
import { transact } from '../../db/transactions.ts';
import { ConflictError, InvalidInputError, StaleVersionError } from '../../errors.ts';
import { currentYear } from '../../time/calendar.ts';
import { programCreationSteps, programFromItem, programReplacementSteps, programsOfAgreement, programsOfYear, requireProgram } from './repository.ts';
import { changedRecordFields, programContent, programLengthViolations } from './rules.ts';
import type { Program, ProgramInput } from './schemas.ts';

function contentOf(input: ProgramInput) {
  const content = programContent(input, settings().JP_MINUTES);
  const violations = programLengthViolations(content);
  if (violations.length) throw new InvalidInputError(violations);
  return content;
}

/** Creates a program (no participants yet), once per Idempotency-Key. */
export async function createProgram(input: ProgramInput, actor: Actor): Promise<Program> {
  const content = contentOf(input);
  const { result } = await writeOnce(actor.idempotency, actor.now, async () => {
    const at = actor.now.toISOString();
    const program: Program = { id: randomUUID(), ...content, internalParticipants: 0, externalParticipants: 0, version: 1, createdAt: at, createdBy: actor.subject, updatedAt: at };
    return { result: program, steps: programCreationSteps(program) };
  });
  return result;
}

export async function readProgram(id: string): Promise<Program> {
  return requireProgram(id);
}

/**
 * Replaces the program's content at the version named. While DKI employees take part, the fields
 * their records copy (title, provider, method, dates, length, agreement) cannot change: their
 * records would silently disagree with the program (remove the participants first). The cohort can.
 */
export async function updateProgram(id: string, input: ProgramInput, expected: VersionPrecondition, actor: Actor): Promise<Program> {
  const content = contentOf(input);
  const before = await requireProgram(id);
  if (expected !== 'any' && before.version !== expected) throw new StaleVersionError(`Program ${id} is at version ${before.version}, not ${expected}; read it again.`);
  const after: Program = {
    id,
    ...content,
    internalParticipants: before.internalParticipants,
    externalParticipants: before.externalParticipants,
    version: before.version + 1,
    createdAt: before.createdAt,
    createdBy: before.createdBy,
    updatedAt: actor.now.toISOString(),
  };
  const changed = changedRecordFields(before, after);
  if (before.internalParticipants > 0 && changed.length > 0) {
    throw new ConflictError(`${changed.join(', ')}: cannot change while ${before.internalParticipants} DKI employee(s) take part, whose training records copy them; remove them first, or change only the cohort.`);
  }
  await transact(programReplacementSteps(before, after));
  return after;
}

/** Programs ending in a year (by start date), or every program under an agreement. */
export async function listPrograms(query: { year?: number; agreementId?: string; limit: number; cursor?: string }, now: Date): Promise<Page<Program>> {
  const year = query.year ?? currentYear(now);
  const scope = query.agreementId ? `programs:agreement:${query.agreementId}` : `programs:year:${year}`;
  const source = query.agreementId ? programsOfAgreement(query.agreementId) : programsOfYear(year);
  const page = await queryPage(source, query.limit, query.cursor ? (decodeCursor(scope, query.cursor) as Key) : undefined);
  return { items: page.items.map(programFromItem), ...(page.next ? { nextCursor: encodeCursor(scope, page.next) } : {}) };
}
