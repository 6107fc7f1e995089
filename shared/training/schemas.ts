import * as z from 'zod/mini';
import { calendarDate, cursor, email, limit, pageOf, resourceId, text, timestamp, wholeNumber } from '../schemas/common.ts';
import { checkNip } from './nip.ts';
import { isQuarterHours, QUARTER_HOUR, trainingRuleViolations } from './rules.ts';
import { coded, issueOf } from '../validation.ts';

export const nip = z.string().check(
  z.superRefine((value: string, context) => {
    const check = checkNip(value);
    if (!check.valid) for (const problem of check.problems) context.addIssue({ code: 'custom', input: value, ...coded(problem.code, problem.params) });
  }),
  z.meta({ pattern: '^\\d{18}$', description: '18-digit civil-servant number (PNS or PPPK shape).', example: '198609262015051001' }),
);

export const year = wholeNumber('a year such as 2026', 1900, 2199);

/** Hours in quarters (15 minutes), from a quarter up to `max`: checked exactly, not with float tolerance. */
export function hours(max: number) {
  return z.number({ message: 'HOURS_NOT_NUMBER' }).check(
    z.refine((value: number) => value >= QUARTER_HOUR && isQuarterHours(value), { ...coded('HOURS_NOT_QUARTER'), abort: true }),
    z.lte(max),
    z.meta({ minimum: QUARTER_HOUR, maximum: max, multipleOf: QUARTER_HOUR }),
  );
}

export const trainingMethods = ['CLASSICAL', 'NON_CLASSICAL'] as const;

export const employeeBody = z.strictObject({
  name: text(200),
  email,
  unit: text(200).check(z.meta({ description: 'Work unit (perangkat daerah), e.g. "Dinas Kesehatan".' })),
  position: z.optional(text(200)),
  supervisorEmail: z.optional(email),
});
export type EmployeeInput = z.output<typeof employeeBody>;

/** Whether the monthly training-hour reminder is emailed to the employee (the List-Unsubscribe of that email leads here). */
export const reminderBody = z.strictObject({
  remind: z.boolean().check(z.meta({ description: 'false: no more reminder emails to this employee (nor their supervisor in copy); true: reminders again.' })),
});

export const employeeSchema = z.object({
  nip: z.string(),
  name: z.string(),
  email: z.string(),
  unit: z.string(),
  position: z.optional(z.string()),
  supervisorEmail: z.optional(z.string()),
  remindersOff: z.optional(z.boolean().check(z.meta({ description: 'True when the employee asked for no training-hour reminder emails (PUT /employees/{nip}/reminders); absent otherwise.' }))),
  version: z.int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Employee = z.output<typeof employeeSchema>;

/** Five years of days at 24 hours: the bound of any one record before the per-day rule. */
const MAX_TRAINING_HOURS = 24 * 366 * 5;

const trainingFields = {
  title: text(300),
  provider: text(200),
  method: z.enum(trainingMethods),
  startsOn: calendarDate,
  endsOn: calendarDate.check(z.meta({ description: 'On or after startsOn; hours at most 24 per day of the span.' })),
  hours: hours(MAX_TRAINING_HOURS),
  agreementId: z.optional(resourceId.check(z.meta({ description: 'The agreement under which the training was delivered.' }))),
  certificateNumber: z.optional(text(100)),
};

export const trainingBody = z.strictObject(trainingFields).check(
  z.superRefine(
    (draft: Parameters<typeof trainingRuleViolations>[0], context) => {
      for (const violation of trainingRuleViolations(draft)) context.addIssue({ code: 'custom', path: [violation.path], input: draft, ...issueOf(violation) });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  ),
);
export type TrainingInput = z.output<typeof trainingBody>;

export const trainingSchema = z.object({
  id: z.string(),
  nip: z.string(),
  title: z.string(),
  provider: z.string(),
  method: z.enum(trainingMethods),
  startsOn: calendarDate,
  endsOn: calendarDate,
  hours: z.number(),
  year: z.int().check(z.meta({ description: 'The year the hours count in: the year of endsOn.' })),
  agreementId: z.optional(z.string()),
  certificateNumber: z.optional(z.string()),
  programId: z.optional(z.string().check(z.meta({ description: 'The training program this record is a participation in (removed with the participant).' }))),
  createdAt: timestamp,
  createdBy: z.string(),
  importId: z.optional(z.string().check(z.meta({ description: 'The background import that wrote the record, if any.' }))),
  version: z.int(),
});
export type Training = z.output<typeof trainingSchema>;

export const summarySchema = z.object({
  nip: z.string(),
  year: z.int(),
  hours: z.number(),
  targetHours: z.number(),
  remainingHours: z.number(),
  compliant: z.boolean(),
  jp: z.number().check(z.meta({ description: 'hours in JP (jam pelajaran, JP_MINUTES each: 45 by default).' })),
  targetJp: z.number(),
  remainingJp: z.number(),
  targetUnit: z.optional(z.enum(['HOURS', 'JP']).check(z.meta({ description: 'The unit the year\'s target was set in.' }))),
});
export type TrainingSummary = z.output<typeof summarySchema>;

/** A whole number of JP (jam pelajaran), from 1 to `max`. */
export function jpCount(max: number) {
  return z.int(coded('JP_NOT_WHOLE')).check(z.gte(1), z.lte(max));
}

/** Exactly one of `hours` and `jp` (a length or a target given in either unit). */
export function oneLength<T extends { hours?: unknown; jp?: unknown }>() {
  return z.superRefine((draft: T, context) => {
    if ((draft.hours === undefined) === (draft.jp === undefined)) context.addIssue({ code: 'custom', path: ['hours'], input: draft, ...coded('LENGTH_ONE_UNIT') });
  });
}

export const targetBody = z.strictObject({ hours: z.optional(hours(1000)), jp: z.optional(jpCount(1000)) }).check(oneLength());
export const targetSchema = z.object({
  year: z.int(),
  hours: z.number().check(z.meta({ description: 'The target in hours (what compliance compares).' })),
  jp: z.number().check(z.meta({ description: 'The same target in JP.' })),
  unit: z.enum(['HOURS', 'JP']).check(z.meta({ description: 'The unit the target was set in (national rule: 20 JP; DKI Jakarta: 40 hours).' })),
  source: z.enum(['STORED', 'DEFAULT']).check(z.meta({ description: 'DEFAULT: no target stored for the year; the configured default applies.' })),
  version: z.optional(z.int()),
});
export type Target = z.output<typeof targetSchema>;

export const complianceRowSchema = z.object({
  nip: z.string(),
  name: z.string(),
  unit: z.string(),
  hours: z.number(),
  targetHours: z.number(),
  remainingHours: z.number(),
  compliant: z.boolean(),
  jp: z.number().check(z.meta({ description: 'hours in JP (jam pelajaran, JP_MINUTES each: 45 by default).' })),
  targetJp: z.number(),
  remainingJp: z.number(),
});
export type ComplianceRow = z.output<typeof complianceRowSchema>;

export const unitSummarySchema = z.object({
  unit: z.string(),
  employees: z.int(),
  met: z.int(),
  unmet: z.int(),
  rate: z.number(),
  onPace: z.int().check(z.meta({ description: 'Below the target, at or above the pro-rata pace.' })),
  behind: z.int().check(z.meta({ description: 'Below the pace, at or above half of it.' })),
  farBehind: z.int().check(z.meta({ description: 'Below half the pace (met + onPace + behind + farBehind = employees).' })),
});
export type UnitSummary = z.output<typeof unitSummarySchema>;

export const importResultSchema = z.object({
  imported: z.int(),
  duplicates: z.int(),
  rejectedCount: z.int().check(z.meta({ description: 'How many rows were rejected.' })),
  rejected: z.array(z.object({ line: z.int(), errors: z.array(z.string()) })).check(z.meta({ description: 'The first 100 rejected rows, by line.' })),
  rejectedNote: z.optional(z.string().check(z.meta({ description: 'Present when more rows were rejected than are listed.' }))),
});
export type ImportResult = z.output<typeof importResultSchema>;

export const outcomesSchema = z.object({
  agreementId: z.string(),
  programs: z.int().check(z.meta({ description: 'Training programs run under the agreement.' })),
  trainings: z.int().check(z.meta({ description: 'Training records of DKI employees linked to the agreement.' })),
  participants: z.int().check(z.meta({ description: 'internalParticipants + externalParticipants.' })),
  internalParticipants: z.int().check(z.meta({ description: 'Distinct DKI employees with a linked record.' })),
  externalParticipants: z.int().check(z.meta({ description: 'Participants of other agencies or regions in the linked programs.' })),
  hours: z.number().check(z.meta({ description: 'internalHours + externalHours: hours of training delivered.' })),
  internalHours: z.number(),
  externalHours: z.number(),
  activities: z.int().check(z.meta({ description: 'Implementation activities and evaluations recorded (POST /agreements/{id}/activities).' })),
  lastActivityOn: z.optional(z.string().check(z.meta({ format: 'date' }))),
});

export const nipParams = z.object({ nip });
export const trainingParams = z.object({ nip, trainingId: resourceId });
export const yearParams = z.object({ year });
const currentYearByDefault = z.meta({ description: 'Defaults to the current year in Asia/Jakarta.' });
export const yearQuery = z.strictObject({ year: z.optional(year.check(currentYearByDefault)) });
export const yearPageQuery = z.strictObject({ year: z.optional(year.check(currentYearByDefault)), limit, cursor: z.optional(cursor) });
export const employeesQuery = z.strictObject({
  unit: z.optional(text(200)),
  name: z.optional(text(200).check(z.meta({ description: 'The start of any word of the name, or of several words in a row (at least 2 letters), case and accents aside; with unit, within that unit.' }))),
  limit,
  cursor: z.optional(cursor),
});
const complianceStatus = z.enum(['MET', 'UNMET', 'NONE', 'PARTIAL']).check(
  z.meta({ description: "MET: hours at or above the year's target. UNMET: below it, which is NONE (no hours) and PARTIAL (some hours, below the target)." }),
);
export type ComplianceStatus = z.infer<typeof complianceStatus>;
export const complianceQuery = z.strictObject({
  year: z.optional(year),
  unit: z.optional(text(200)),
  status: z.optional(complianceStatus),
  limit,
  cursor: z.optional(cursor),
});
export const summaryQuery = z.strictObject({ year: z.optional(year), limit, cursor: z.optional(cursor) });

export const employeePage = pageOf(employeeSchema);
export const trainingPage = pageOf(trainingSchema);
export const compliancePage = pageOf(complianceRowSchema);
export const paceSchema = z.object({
  asOf: calendarDate,
  hours: z.number().check(z.meta({ description: 'The pro-rata pace: target × share of the year elapsed in Jakarta (today included) on asOf.' })),
  farBehindBelow: z.number().check(z.meta({ description: 'Half the pace: below it, far behind.' })),
});
export const unitSummaryList = z.object({ year: z.int(), targetHours: z.number(), targetJp: z.optional(z.number()), pace: paceSchema, items: z.array(unitSummarySchema), nextCursor: z.optional(z.string()) });
