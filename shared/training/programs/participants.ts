import type { Actor, VersionPrecondition } from '../../actor.ts';
import { decodeCursor, encodeCursor, type Page } from '../../db/cursor.ts';
import { queryPage, type Key } from '../../db/query.ts';
import { transact } from '../../db/transactions.ts';
import { ConflictError, DomainError, NotFoundError, StaleVersionError, VersionRequiredError } from '../../errors.ts';
import { getStoredEmployee } from '../repository/employees.ts';
import { getTraining, trainingIdOf } from '../repository/records.ts';
import { writeWithTotals } from '../repository/total-changes.ts';
import { participationRecordSteps, participationRemovalSteps } from './record-steps.ts';
import {
  getParticipant,
  participantCountStep,
  participantCreationStep,
  participantDeletionStep,
  participantFromItem,
  participantReplacementStep,
  participantsOf,
  requireProgram,
} from './repository.ts';
import { kindOf, participationRecord, sameParticipant } from './rules.ts';
import type { Participant, ParticipantInput, Program, RosterResult } from './schemas.ts';

/**
 * Adds a participant. A DKI employee (no agency) gets the program's training record, counted in
 * their yearly total, in the same transaction as the participant; someone of another agency is
 * recorded on the program only, and counted in its agreement's outcomes, never in DKI compliance.
 */
async function addParticipant(program: Program, nip: string, input: ParticipantInput, actor: Actor): Promise<Participant> {
  const at = actor.now.toISOString();
  const kind = kindOf(input);
  const employee = (await getStoredEmployee(nip))?.employee;
  const common = { programId: program.id, nip, ...(input.changeProjectTitle ? { changeProjectTitle: input.changeProjectTitle } : {}), version: 1, createdAt: at, updatedAt: at };
  let participant: Participant;
  if (kind === 'EXTERNAL') {
    if (employee) throw new ConflictError('This NIP is a registered DKI employee: add them without name and agency, so that the training counts in their hours.');
    participant = { ...common, kind, name: input.name!, agency: input.agency! };
    await transact([participantCreationStep(participant), participantCountStep(program, kind, 1)]);
    return participant;
  }
  if (!employee) throw new NotFoundError('No employee with this NIP is registered: register them first, or give name and agency to add someone of another agency.');
  const training = participationRecord(program, nip, trainingIdOf(program), actor.subject, at);
  const internal: Participant = { ...common, kind, name: employee.name, unit: employee.unit, trainingId: training.id };
  await writeWithTotals(nip, async () => transact([...(await participationRecordSteps(training)), participantCreationStep(internal), participantCountStep(program, kind, 1)]));
  return internal;
}

/** The change a PUT makes to a stored participant: its details (the change project; for an external one, name and agency). */
function replaced(stored: Participant, input: ParticipantInput, at: string): Participant {
  if (stored.kind !== kindOf(input)) {
    throw new ConflictError(`This NIP takes part as ${stored.kind === 'INTERNAL' ? 'a DKI employee' : 'an external participant'}: remove them and add them again to change that.`);
  }
  const { changeProjectTitle: _old, ...rest } = stored;
  return {
    ...rest,
    ...(stored.kind === 'EXTERNAL' ? { name: input.name!, agency: input.agency! } : {}),
    ...(input.changeProjectTitle ? { changeProjectTitle: input.changeProjectTitle } : {}),
    version: stored.version + 1,
    updatedAt: at,
  };
}

/**
 * `PUT /training-programs/{id}/participants/{nip}`: without If-Match it adds the participant (a
 * retry that says the same again changes nothing; anything else needs If-Match); with If-Match it
 * replaces the participant's details at that version.
 */
export async function putParticipant(
  programId: string,
  nip: string,
  input: ParticipantInput,
  expected: VersionPrecondition | undefined,
  actor: Actor,
): Promise<{ participant: Participant; outcome: 'added' | 'unchanged' | 'replaced' }> {
  const program = await requireProgram(programId);
  const stored = await getParticipant(programId, nip);
  if (expected === undefined) {
    if (!stored) return { participant: await addParticipant(program, nip, input, actor), outcome: 'added' };
    if (sameParticipant(stored, input)) return { participant: stored, outcome: 'unchanged' };
    throw new VersionRequiredError('This NIP already takes part in the program: to change the participant, send If-Match with the ETag of the version you read.');
  }
  if (!stored) throw new NotFoundError('No participant with this NIP in the program.');
  if (expected !== 'any' && stored.version !== expected) throw new StaleVersionError(`The participant is at version ${stored.version}, not ${expected}; read it again.`);
  const participant = replaced(stored, input, actor.now.toISOString());
  await transact([participantReplacementStep(participant, stored.version)]);
  return { participant, outcome: 'replaced' };
}

/**
 * The roster form: each entry as a PUT without If-Match, one transaction each (a bad entry never
 * blocks the others), in order. The list is bounded (schemas.ts), so the request ends well inside
 * the API's time limit; a retried roster reports its entries as unchanged.
 */
export async function addRoster(programId: string, entries: (ParticipantInput & { nip: string })[], actor: Actor): Promise<RosterResult> {
  await requireProgram(programId);
  const result: RosterResult = { added: 0, unchanged: 0, rejectedCount: 0, rejected: [] };
  for (const [index, { nip, ...input }] of entries.entries()) {
    try {
      const { outcome } = await putParticipant(programId, nip, input, undefined, actor);
      if (outcome === 'added') result.added += 1;
      else result.unchanged += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result.rejectedCount += 1;
      result.rejected.push({ index, nip, message: error.message });
    }
  }
  return result;
}

/** Removes the participant; a DKI employee's training record goes with it, and its hours leave their total. */
export async function removeParticipant(programId: string, nip: string, actor: Actor): Promise<void> {
  const participant = await getParticipant(programId, nip);
  if (!participant) throw new NotFoundError('No participant with this NIP in the program.');
  const program = await requireProgram(programId);
  const training = participant.trainingId ? await getTraining(nip, participant.trainingId) : undefined;
  await writeWithTotals(nip, async () =>
    transact([
      participantDeletionStep(participant),
      participantCountStep(program, participant.kind, -1),
      ...(training ? await participationRemovalSteps(training, actor.subject, actor.now.toISOString()) : []),
    ]),
  );
}

export async function readParticipant(programId: string, nip: string): Promise<Participant> {
  const participant = await getParticipant(programId, nip);
  if (!participant) throw new NotFoundError('No participant with this NIP in the program.');
  return participant;
}

export async function listParticipants(programId: string, query: { limit: number; cursor?: string }): Promise<Page<Participant>> {
  await requireProgram(programId);
  const scope = `participants:${programId}`;
  const page = await queryPage(participantsOf(programId), query.limit, query.cursor ? (decodeCursor(scope, query.cursor) as Key) : undefined);
  return { items: page.items.map(participantFromItem), ...(page.next ? { nextCursor: encodeCursor(scope, page.next) } : {}) };
}
