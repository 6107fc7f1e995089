import * as z from 'zod/mini';
import { ruleViolations } from './rules.ts';
import { coded, issueOf } from '../validation.ts';
import { annotationActions } from './annotation-actions.ts';
import { evaluationSchema } from './activities/schemas.ts';
import { calendarDate, countryCode, cursor, email, limit, pageOf, paragraphs, resourceId, text, timestamp, wholeNumber } from '../schemas/common.ts';

export const agreementKinds = ['MOU', 'PKS', 'LOI', 'SISTER_CITY', 'ADDENDUM', 'OTHER'] as const;
export const partnerCategories = [
  'PROVINCE',
  'REGENCY',
  'CITY',
  'CENTRAL_GOVERNMENT',
  'FOREIGN_GOVERNMENT',
  'FOREIGN_INSTITUTION',
  'PRIVATE',
  'UNIVERSITY',
  'OTHER',
] as const;
export const agreementStatuses = ['PENDING', 'ACTIVE', 'EXPIRED', 'TERMINATED', 'RENEWED', 'WITHDRAWN'] as const;

export type AgreementKind = (typeof agreementKinds)[number];
export type AgreementStatus = (typeof agreementStatuses)[number];

export const partnerSchema = z.strictObject({
  name: text(200),
  category: z.enum(partnerCategories),
  country: z._default(countryCode, 'ID'),
});

const optionalFields = {
  number: text(100).check(z.meta({ description: 'Our document number; unique across agreements.' })),
  partnerNumber: text(100),
  signedOn: calendarDate,
  parentId: resourceId.check(z.meta({ description: 'The agreement a PKS or addendum implements: an MOU or SISTER_CITY for a PKS.' })),
  notes: paragraphs(5000),
};

const fieldList = z.array(text(100)).check(z.maxLength(30, 'must list at most 30 subject areas'));

const requiredFields = {
  title: text(300),
  kind: z.enum(agreementKinds),
  partners: z.array(partnerSchema).check(z.minLength(1, 'must list at least one partner'), z.maxLength(50, 'must list at most 50 partners')),
  fields: z._default(fieldList, []),
  startsOn: calendarDate,
  endsOn: calendarDate.check(z.meta({ description: 'On or after startsOn; for a PKS at most 5 years after it.' })),
  ownerUnit: text(200),
  contactEmails: z.array(email).check(z.minLength(1, 'must list at least one email'), z.maxLength(20, 'must list at most 20 emails')),
};

/** Rules that span fields, run even when other fields are bad, so one response names every problem. */
const crossFieldRules = z.superRefine(
  (draft: Parameters<typeof ruleViolations>[0], context) => {
    for (const violation of ruleViolations(draft)) context.addIssue({ code: 'custom', path: [violation.path], input: draft, ...issueOf(violation) });
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);

/** A PKS or addendum names its parent: said in the contract as JSON Schema can say it. */
const parentRequired = z.meta({
  if: { properties: { kind: { enum: ['PKS', 'ADDENDUM'] } }, required: ['kind'] },
  then: { required: ['parentId'] },
});

export const createAgreementSchema = z
  .strictObject({
    ...requiredFields,
    number: z.optional(optionalFields.number),
    partnerNumber: z.optional(optionalFields.partnerNumber),
    signedOn: z.optional(optionalFields.signedOn),
    parentId: z.optional(optionalFields.parentId),
    notes: z.optional(optionalFields.notes),
  })
  .check(crossFieldRules, parentRequired);
export type CreateAgreement = z.output<typeof createAgreementSchema>;

const serverManaged = z.optional(
  z.unknown().check(z.refine(() => false, coded('FIELD_READ_ONLY')), z.meta({ readOnly: true })),
);

/** JSON merge patch (RFC 7396): absent keeps, `null` clears an optional field. */
export const patchAgreementSchema = z.strictObject({
  title: z.optional(requiredFields.title),
  kind: z.optional(requiredFields.kind),
  partners: z.optional(requiredFields.partners),
  fields: z.optional(fieldList),
  startsOn: z.optional(calendarDate),
  endsOn: z.optional(calendarDate),
  ownerUnit: z.optional(requiredFields.ownerUnit),
  contactEmails: z.optional(requiredFields.contactEmails),
  number: z.optional(z.nullable(optionalFields.number)),
  partnerNumber: z.optional(z.nullable(optionalFields.partnerNumber)),
  signedOn: z.optional(z.nullable(optionalFields.signedOn)),
  parentId: z.optional(z.nullable(optionalFields.parentId)),
  notes: z.optional(z.nullable(optionalFields.notes)),
  status: z.optional(z.literal('TERMINATED', { message: 'STATUS_ONLY_TERMINATED' })),
  terminationReason: z.optional(text(1000).check(z.meta({ description: 'Required with "status": "TERMINATED", refused otherwise.' }))),
  id: serverManaged,
  version: serverManaged,
  createdAt: serverManaged,
  updatedAt: serverManaged,
  createdBy: serverManaged,
  updatedBy: serverManaged,
  renews: serverManaged,
  renewedBy: serverManaged,
  terminatedOn: serverManaged,
  renewedOn: serverManaged,
  withdrawal: serverManaged,
});
export type PatchAgreement = z.output<typeof patchAgreementSchema>;

export const renewAgreementSchema = z.strictObject({
  endsOn: calendarDate,
  startsOn: z.optional(calendarDate.check(z.meta({ description: 'Defaults to the day after the old agreement ends.' }))),
  number: z.optional(optionalFields.number),
});
export type RenewAgreement = z.output<typeof renewAgreementSchema>;

/** Something worth a second look that does not stop the write (the console shows it). */
export const warningSchema = z.object({ path: z.string(), code: z.optional(z.string()), message: z.string() });
export type Warning = z.output<typeof warningSchema>;

/** Why and by whom a mistaken entry was withdrawn: it is hidden from lists, sweeps and statistics until restored. */
export const withdrawalSchema = z.object({ at: timestamp, by: z.string(), reason: z.string() });

export const agreementSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(agreementKinds),
  partners: z.array(z.object({ name: z.string(), category: z.enum(partnerCategories), country: z.string() })),
  fields: z.array(z.string()),
  startsOn: calendarDate,
  endsOn: calendarDate,
  ownerUnit: z.string(),
  contactEmails: z.array(z.string()),
  number: z.optional(z.string()),
  partnerNumber: z.optional(z.string()),
  signedOn: z.optional(calendarDate),
  parentId: z.optional(z.string()),
  notes: z.optional(z.string()),
  status: z.enum(agreementStatuses),
  renews: z.optional(z.string()),
  renewedBy: z.optional(z.string()),
  terminatedOn: z.optional(calendarDate),
  terminationReason: z.optional(z.string()),
  renewedOn: z.optional(calendarDate),
  withdrawal: z.optional(withdrawalSchema),
  version: z.int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  createdBy: z.string(),
  updatedBy: z.string(),
  signedDocuments: z.optional(
    z.int().check(z.meta({ description: 'Signed agreements checked and available (documents of kind SIGNED_AGREEMENT); absent or 0: the agreement has no signed document.' })),
  ),
  evaluation: z.optional(evaluationSchema),
  warnings: z.optional(z.array(warningSchema).check(z.meta({ description: 'On a write: what was accepted but deserves a look.' }))),
});
export type Agreement = z.output<typeof agreementSchema>;

export const agreementIdParams = z.object({ id: resourceId });

export const listAgreementsQuery = z.strictObject({
  status: z.optional(z.enum(agreementStatuses)),
  kind: z.optional(z.enum(agreementKinds)),
  partner: z.optional(text(200).check(z.meta({ description: 'Case-insensitive part of a partner name.' }))),
  field: z.optional(text(100).check(z.meta({ description: 'A subject area, matched case-insensitively.' }))),
  endsFrom: z.optional(calendarDate),
  endsTo: z.optional(calendarDate),
  parentId: z.optional(resourceId),
  ownerUnit: z.optional(text(200).check(z.meta({ description: 'The owning unit, matched whole, ignoring case and spacing.' }))),
  limit,
  cursor: z.optional(cursor),
});
export type ListAgreementsQuery = z.output<typeof listAgreementsQuery>;

export const expiringQuery = z.strictObject({
  withinDays: z._default(wholeNumber('a whole number of days from 0 to 1825', 0, 1825), 90),
  limit,
  cursor: z.optional(cursor),
});

export const historyQuery = z.strictObject({ limit, cursor: z.optional(cursor) });

export const auditEntrySchema = z.object({
  version: z.int(),
  at: timestamp,
  by: z.string(),
  action: z.enum(['CREATED', 'UPDATED', 'TERMINATED', 'RENEWED', 'WITHDRAWN', 'RESTORED', ...annotationActions]),
  changes: z.array(
    z.object({
      field: z.string(),
      from: z.optional(z.unknown()),
      to: z.optional(z.unknown()),
      text: z.optional(z.string().check(z.meta({ description: 'The change as the console shows it: "endsOn: 2026-01-27 → 2031-01-27" (a creation: "title: …").' }))),
    }),
  ),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

export const agreementPage = pageOf(agreementSchema);
export const auditPage = pageOf(auditEntrySchema);

export const withdrawAgreementSchema = z.strictObject({ reason: text(1000).check(z.meta({ description: 'Why the entry is a mistake (kept in the history).' })) });

export const searchAgreementsQuery = z.strictObject({
  q: text(200).check(
    z.meta({ description: 'Words of a title or a document number; each word matches the start of a word, ignoring case and accents (without a letter or digit, nothing matches).' }),
  ),
  limit,
  cursor: z.optional(cursor),
});

export const dormantQuery = z.strictObject({
  days: z._default(wholeNumber('a whole number of days from 1 to 1825', 1, 1825), 180),
  limit,
  cursor: z.optional(cursor),
});

const year = wholeNumber('a year from 1900 to 2199', 1900, 2199);
export const statisticsQuery = z.strictObject({
  year: z.optional(year),
  from: z.optional(year),
  to: z.optional(year),
});
export type StatisticsQuery = z.output<typeof statisticsQuery>;

const counts = z.record(z.string(), z.int());
export const breakdownSchema = z.object({
  total: z.int(),
  byKind: counts,
  byPartnerCategory: counts.check(z.meta({ description: 'An agreement with partners of several categories counts once in each.' })),
  domestic: z.int(),
  foreign: z.int().check(z.meta({ description: 'With at least one partner outside Indonesia.' })),
  byCountry: counts,
  byField: counts,
});
export const statisticsSchema = z.object({
  from: z.int(),
  to: z.int(),
  asOf: calendarDate.check(z.meta({ description: 'The day "active" is judged on: the end of the period, or today when the period is not over.' })),
  signed: breakdownSchema.check(z.meta({ description: 'Agreements signed in the period (the start date when no signing date is recorded).' })),
  active: breakdownSchema.check(z.meta({ description: 'Agreements active on asOf.' })),
  sisterCitiesActive: z.int(),
  renewals: z.int(),
  terminations: z.int(),
  expiredWithoutRenewal: z.int(),
});
export type Statistics = z.output<typeof statisticsSchema>;
