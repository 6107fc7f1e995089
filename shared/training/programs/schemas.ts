import * as z from 'zod/mini';
import { calendarDate, cursor, limit, pageOf, resourceId, text, timestamp } from '../../schemas/common.ts';
import { issueOf } from '../../validation.ts';
import { trainingRuleViolations } from '../rules.ts';
import { hours, jpCount, nip, oneLength, trainingMethods, year } from '../schemas.ts';

/** Five years of days at 24 hours, as for a single record. */
const MAX_PROGRAM_HOURS = 24 * 366 * 5;
const MAX_PROGRAM_JP = Math.floor((MAX_PROGRAM_HOURS * 60) / 240);

/** Participants one roster request may add: each is its own transaction, so the request stays well inside the API's time limit. */
export const MAX_ROSTER_PARTICIPANTS = 100;

export const programBody = z
  .strictObject({
    title: text(300).check(z.meta({ example: 'Pelatihan Kepemimpinan Nasional Tingkat II' })),
    provider: text(200),
    method: z.enum(trainingMethods),
    startsOn: calendarDate,
    endsOn: calendarDate,
    hours: z.optional(hours(MAX_PROGRAM_HOURS).check(z.meta({ description: 'The length in hours; or give `jp`.' }))),
    jp: z.optional(jpCount(MAX_PROGRAM_JP).check(z.meta({ description: 'The length in JP (jam pelajaran, JP_MINUTES each: 45 by default); or give `hours`.' }))),
    agreementId: z.optional(resourceId.check(z.meta({ description: 'The agreement the program is delivered under: its outcomes count the program.' }))),
    cohort: z.optional(text(100).check(z.meta({ description: 'The cohort (angkatan).', example: 'Angkatan XXXIV' }))),
  })
  .check(
    oneLength(),
    z.superRefine(
      (draft: { startsOn?: unknown; endsOn?: unknown }, context) => {
        // The per-day bound of hours is checked once the length is in hours (service); dates here.
        for (const violation of trainingRuleViolations({ startsOn: draft.startsOn, endsOn: draft.endsOn })) context.addIssue({ code: 'custom', path: [violation.path], ...issueOf(violation), input: draft });
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  );
export type ProgramInput = z.output<typeof programBody>;

export const programSchema = z.object({
  id: z.string(),
  title: z.string(),
  provider: z.string(),
  method: z.enum(trainingMethods),
  startsOn: calendarDate,
  endsOn: calendarDate,
  year: z.int().check(z.meta({ description: 'The year the hours count in: the year of endsOn.' })),
  hours: z.number().check(z.meta({ description: 'The length in hours: what each internal participant\'s record counts.' })),
  jp: z.number().check(z.meta({ description: 'The same length in JP.' })),
  lengthUnit: z.enum(['HOURS', 'JP']).check(z.meta({ description: 'The unit the length was given in.' })),
  jpMinutes: z.int().check(z.meta({ description: 'The JP length the program was planned with.' })),
  agreementId: z.optional(z.string()),
  cohort: z.optional(z.string()),
  internalParticipants: z.int().check(z.meta({ description: 'DKI employees taking part: each has a training record.' })),
  externalParticipants: z.int().check(z.meta({ description: 'Participants of other agencies or regions: recorded here, never in DKI compliance.' })),
  version: z.int(),
  createdAt: timestamp,
  createdBy: z.string(),
  updatedAt: timestamp,
});
export type Program = z.output<typeof programSchema>;

const participantFields = {
  name: z.optional(text(200).check(z.meta({ description: "External participants only (a DKI employee's name comes from their record)." }))),
  agency: z.optional(text(200).check(z.meta({ description: 'Given: an external participant of this agency or region (e.g. "LAN RI"). Absent: a registered DKI employee.' }))),
  changeProjectTitle: z.optional(text(300).check(z.meta({ description: "The participant's change project (proyek perubahan)." }))),
};

/** A name goes with an agency (an external participant); a DKI employee's name comes from their record. */
const externalHasName = z.superRefine((draft: { name?: string; agency?: string }, context) => {
  if (draft.agency !== undefined && draft.name === undefined) context.addIssue({ code: 'custom', path: ['name'], message: 'is required for an external participant (one with an agency)', input: draft });
  if (draft.agency === undefined && draft.name !== undefined) context.addIssue({ code: 'custom', path: ['name'], message: "is taken from the employee's record: give it only with agency, for an external participant", input: draft });
});

export const participantBody = z.strictObject(participantFields).check(externalHasName);
export type ParticipantInput = z.output<typeof participantBody>;

export const participantSchema = z.object({
  programId: z.string(),
  nip: z.string(),
  kind: z.enum(['INTERNAL', 'EXTERNAL']),
  name: z.string(),
  unit: z.optional(z.string().check(z.meta({ description: "An internal participant's work unit." }))),
  agency: z.optional(z.string().check(z.meta({ description: "An external participant's agency or region." }))),
  changeProjectTitle: z.optional(z.string()),
  trainingId: z.optional(z.string().check(z.meta({ description: "An internal participant's training record." }))),
  version: z.int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Participant = z.output<typeof participantSchema>;

export const rosterBody = z.strictObject({
  participants: z
    .array(z.strictObject({ nip, ...participantFields }).check(externalHasName))
    .check(z.minLength(1, 'must list at least one participant'), z.maxLength(MAX_ROSTER_PARTICIPANTS, `must list at most ${MAX_ROSTER_PARTICIPANTS} participants: send the rest in another request`)),
});

export const rosterResultSchema = z.object({
  added: z.int(),
  unchanged: z.int().check(z.meta({ description: 'Already participants with the same details (a retried roster changes nothing).' })),
  rejectedCount: z.int(),
  rejected: z.array(z.object({ index: z.int().check(z.meta({ description: "The entry's position in `participants`, from 0." })), nip: z.string(), message: z.string() })),
});
export type RosterResult = z.output<typeof rosterResultSchema>;

export const programParams = z.object({ programId: resourceId });
export const participantParams = z.object({ programId: resourceId, nip });
export const programsQuery = z.strictObject({
  year: z.optional(year.check(z.meta({ description: 'Programs ending in this year (default: the current year in Asia/Jakarta); ignored with agreementId.' }))),
  agreementId: z.optional(resourceId.check(z.meta({ description: 'Programs delivered under this agreement, every year.' }))),
  limit,
  cursor: z.optional(cursor),
});
export const participantsQuery = z.strictObject({ limit, cursor: z.optional(cursor) });

export const programPage = pageOf(programSchema);
export const participantPage = pageOf(participantSchema);
