import type { FieldError } from '../../errors.ts';
import { lengthOf } from '../jp.ts';
import { roundHours, trainingRuleViolations, trainingYear } from '../rules.ts';
import type { Training } from '../schemas.ts';
import type { Participant, ParticipantInput, Program, ProgramInput } from './schemas.ts';

/**
 * Training programs as plain rules. A program is one course run for a cohort; each DKI employee
 * taking part has a training record copied from it (counted in their yearly total), while
 * participants of other agencies are recorded on the program only.
 */

/** What a participation record copies from its program: these cannot change while records exist. */
export const RECORD_FIELDS = ['title', 'provider', 'method', 'startsOn', 'endsOn', 'hours', 'agreementId'] as const;

/** The program's content from its input: the length in hours (what records count) with its JP beside it. */
export function programContent(input: ProgramInput, jpMinutes: number) {
  const length = lengthOf(input, jpMinutes);
  const { hours: _hours, jp: _jp, ...rest } = input;
  return { ...rest, year: trainingYear(input.endsOn), hours: length.hours, jp: length.jp, lengthUnit: length.unit, jpMinutes };
}
export type ProgramContent = ReturnType<typeof programContent>;

/** The per-day bound of a record, checked on the program's length in hours, named by the field given. */
export function programLengthViolations(content: Pick<ProgramContent, 'startsOn' | 'endsOn' | 'hours' | 'lengthUnit' | 'jpMinutes'>): FieldError[] {
  return trainingRuleViolations(content).map((violation) =>
    violation.path === 'hours' && content.lengthUnit === 'JP' ? { path: 'jp', message: `${violation.message} (in hours; a JP is ${content.jpMinutes} minutes)` } : violation,
  );
}

/** The record fields an update would change. */
export function changedRecordFields(before: Program, after: Pick<Program, (typeof RECORD_FIELDS)[number]>): string[] {
  return RECORD_FIELDS.filter((field) => before[field] !== after[field]);
}

/** An internal participant's training record: the program's course, in the employee's partition. */
export function participationRecord(program: Program, nip: string, trainingId: string, by: string, at: string): Training {
  return {
    id: trainingId,
    nip,
    title: program.title,
    provider: program.provider,
    method: program.method,
    startsOn: program.startsOn,
    endsOn: program.endsOn,
    hours: program.hours,
    year: program.year,
    ...(program.agreementId ? { agreementId: program.agreementId } : {}),
    programId: program.id,
    createdAt: at,
    createdBy: by,
    version: 1,
  };
}

export type ParticipantKind = Participant['kind'];

export function kindOf(input: ParticipantInput): ParticipantKind {
  return input.agency === undefined ? 'INTERNAL' : 'EXTERNAL';
}

/** The details a PUT sets, as they would be stored (the name of an internal participant comes from the employee). */
export function participantDetails(input: ParticipantInput): Pick<Participant, 'agency' | 'changeProjectTitle'> & { name?: string } {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.agency !== undefined ? { agency: input.agency } : {}),
    ...(input.changeProjectTitle !== undefined ? { changeProjectTitle: input.changeProjectTitle } : {}),
  };
}

/** Whether a stored participant already says what the input says (a retried PUT or roster row changes nothing). */
export function sameParticipant(stored: Participant, input: ParticipantInput): boolean {
  if (stored.kind !== kindOf(input)) return false;
  const details = participantDetails(input);
  return (details.name === undefined || details.name === stored.name) && details.agency === stored.agency && details.changeProjectTitle === stored.changeProjectTitle;
}

export interface OutcomeTally {
  programs: number;
  trainings: number;
  internalParticipants: number;
  externalParticipants: number;
  internalHours: number;
  externalHours: number;
}

/**
 * What an agreement produced: its linked records (DKI employees, counted once each however many
 * courses) and the external participants of its programs, each with the program's hours.
 */
export function tallyOutcomes(records: Iterable<{ nip: string; hours: number }>, programs: Iterable<{ hours: number; externalParticipants: number }>) {
  const nips = new Set<string>();
  const tally: OutcomeTally = { programs: 0, trainings: 0, internalParticipants: 0, externalParticipants: 0, internalHours: 0, externalHours: 0 };
  for (const record of records) {
    tally.trainings += 1;
    tally.internalHours += record.hours;
    nips.add(record.nip);
  }
  for (const program of programs) {
    tally.programs += 1;
    tally.externalParticipants += program.externalParticipants;
    tally.externalHours += program.hours * program.externalParticipants;
  }
  tally.internalParticipants = nips.size;
  const internalHours = roundHours(tally.internalHours);
  const externalHours = roundHours(tally.externalHours);
  return {
    ...tally,
    internalHours,
    externalHours,
    participants: tally.internalParticipants + tally.externalParticipants,
    hours: roundHours(internalHours + externalHours),
  };
}
