import type { Participant, ParticipantInput, Program, ProgramInput, RosterResult } from '../../../shared/training/programs/schemas.ts';
import { allPages, api, unwrap, withEtag } from './client.ts';

export type { Participant, Program, RosterResult };
export type RosterEntry = ParticipantInput & { nip: string };

/** The programs ending in a year, every page (a province runs a few hundred a year at most). */
export function programsOfYear(year: number): Promise<Program[]> {
  return allPages((cursor) => unwrap(api().GET('/training-programs', { params: { query: { year, limit: 100, ...(cursor ? { cursor } : {}) } } })));
}

/** Every program delivered under an agreement, whatever the year. */
export function programsOfAgreement(agreementId: string): Promise<Program[]> {
  return allPages((cursor) => unwrap(api().GET('/training-programs', { params: { query: { agreementId, limit: 100, ...(cursor ? { cursor } : {}) } } })));
}

export function getProgram(programId: string): Promise<{ data: Program; etag: string }> {
  return withEtag(api().GET('/training-programs/{programId}', { params: { path: { programId } } }));
}

export function participantsOf(programId: string): Promise<Participant[]> {
  return allPages((cursor) => unwrap(api().GET('/training-programs/{programId}/participants', { params: { path: { programId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } } })));
}

export function createProgram(body: ProgramInput, idempotencyKey: string): Promise<{ data: Program; etag: string }> {
  return withEtag(api().POST('/training-programs', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }));
}

export function updateProgram(programId: string, body: ProgramInput, etag: string): Promise<{ data: Program; etag: string }> {
  return withEtag(api().PUT('/training-programs/{programId}', { params: { path: { programId }, header: { 'If-Match': etag } }, body }));
}

export function putParticipant(programId: string, { nip, ...body }: RosterEntry): Promise<Participant> {
  return unwrap(api().PUT('/training-programs/{programId}/participants/{nip}', { params: { path: { programId, nip } }, body }));
}

export async function removeParticipant(programId: string, nip: string): Promise<void> {
  await unwrap(api().DELETE('/training-programs/{programId}/participants/{nip}', { params: { path: { programId, nip } } }));
}

export function addParticipants(programId: string, participants: RosterEntry[]): Promise<RosterResult> {
  return unwrap(api().POST('/training-programs/{programId}/participants', { params: { path: { programId } }, body: { participants } }));
}
