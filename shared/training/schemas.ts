import { z } from 'zod';
import { calendarDate, cursor, email, limit, pageOf, resourceId, text, timestamp, wholeNumber } from '../schemas/common.ts';
import { checkNip } from './nip.ts';
import { trainingRuleViolations } from './rules.ts';

export const nip = z
  .string()
  .superRefine((value, context) => {
    const check = checkNip(value);
    if (!check.valid) for (const problem of check.problems) context.addIssue({ code: 'custom', message: problem });
  })
  .meta({ description: '18-digit civil-servant number (PNS or PPPK shape).', example: '198609262015051001' });

export const year = wholeNumber('a year such as 2026', 1900, 2199);

export const hours = z
  .number({ message: 'must be a number of hours' })
  .positive('must be more than 0')
  .multipleOf(0.25, 'must be a multiple of 0.25 (15 minutes)');

export const trainingMethods = ['CLASSICAL', 'NON_CLASSICAL'] as const;

export const employeeBody = z.strictObject({
  name: text(200),
  email,
  unit: text(200).meta({ description: 'Work unit (perangkat daerah), e.g. "Dinas Kesehatan".' }),
  position: text(200).optional(),
  supervisorEmail: email.optional(),
});
export type EmployeeInput = z.output<typeof employeeBody>;

export const employeeSchema = z.object({
  nip: z.string(),
  name: z.string(),
  email: z.string(),
  unit: z.string(),
  position: z.string().optional(),
  supervisorEmail: z.string().optional(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Employee = z.output<typeof employeeSchema>;

const trainingFields = {
  title: text(300),
  provider: text(200),
  method: z.enum(trainingMethods),
  startsOn: calendarDate,
  endsOn: calendarDate,
  hours: hours.max(24 * 366 * 5, 'is too large'),
  agreementId: resourceId.optional().meta({ description: 'The agreement under which the training was delivered.' }),
  certificateNumber: text(100).optional(),
};

export const trainingBody = z.strictObject(trainingFields).superRefine(
  (draft, context) => {
    for (const violation of trainingRuleViolations(draft)) context.addIssue({ code: 'custom', path: [violation.path], message: violation.message });
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
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
  year: z.number().int().meta({ description: 'The year the hours count in: the year of endsOn.' }),
  agreementId: z.string().optional(),
  certificateNumber: z.string().optional(),
  createdAt: timestamp,
  createdBy: z.string(),
  version: z.number().int(),
});
export type Training = z.output<typeof trainingSchema>;

export const summarySchema = z.object({
  nip: z.string(),
  year: z.number().int(),
  hours: z.number(),
  targetHours: z.number(),
  remainingHours: z.number(),
  compliant: z.boolean(),
});
export type TrainingSummary = z.output<typeof summarySchema>;

export const targetBody = z.strictObject({ hours: z.number({ message: 'must be a number of hours' }).positive('must be more than 0').max(1000, 'must be at most 1000') });
export const targetSchema = z.object({
  year: z.number().int(),
  hours: z.number(),
  source: z.enum(['STORED', 'DEFAULT']).meta({ description: 'DEFAULT: no target stored for the year; the configured default applies.' }),
  version: z.number().int().optional(),
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
});
export type ComplianceRow = z.output<typeof complianceRowSchema>;

export const unitSummarySchema = z.object({ unit: z.string(), employees: z.number().int(), met: z.number().int(), unmet: z.number().int(), rate: z.number() });
export type UnitSummary = z.output<typeof unitSummarySchema>;

export const importResultSchema = z.object({
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejectedCount: z.number().int().meta({ description: 'How many rows were rejected.' }),
  rejected: z.array(z.object({ line: z.number().int(), errors: z.array(z.string()) })).meta({ description: 'The first 100 rejected rows, by line.' }),
  rejectedNote: z.string().optional().meta({ description: 'Present when more rows were rejected than are listed.' }),
});
export type ImportResult = z.output<typeof importResultSchema>;

export const outcomesSchema = z.object({ agreementId: z.string(), trainings: z.number().int(), participants: z.number().int(), hours: z.number() });

export const nipParams = z.object({ nip });
export const trainingParams = z.object({ nip, trainingId: resourceId });
export const yearParams = z.object({ year });
export const yearQuery = z.strictObject({ year: year.optional().meta({ description: 'Defaults to the current year in Asia/Jakarta.' }) });
export const yearPageQuery = z.strictObject({ year: year.optional(), limit, cursor: cursor.optional() });
export const employeesQuery = z.strictObject({ unit: text(200).optional(), limit, cursor: cursor.optional() });
export const complianceQuery = z.strictObject({
  year: year.optional(),
  unit: text(200).optional(),
  status: z.enum(['MET', 'UNMET']).optional(),
  limit,
  cursor: cursor.optional(),
});
export const summaryQuery = z.strictObject({ year: year.optional() });

export const employeePage = pageOf(employeeSchema);
export const trainingPage = pageOf(trainingSchema);
export const compliancePage = pageOf(complianceRowSchema);
export const unitSummaryList = z.object({ year: z.number().int(), targetHours: z.number(), items: z.array(unitSummarySchema) });
