import { z } from 'zod';
import { ruleViolations } from './rules.ts';
import { calendarDate, countryCode, cursor, email, limit, pageOf, resourceId, text, timestamp, wholeNumber } from '../schemas/common.ts';

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
export const agreementStatuses = ['PENDING', 'ACTIVE', 'EXPIRED', 'TERMINATED', 'RENEWED'] as const;

export type AgreementKind = (typeof agreementKinds)[number];
export type AgreementStatus = (typeof agreementStatuses)[number];

export const partnerSchema = z.strictObject({
  name: text(200),
  category: z.enum(partnerCategories),
  country: countryCode.default('ID'),
});

const optionalFields = {
  number: text(100).meta({ description: 'Our document number; unique across agreements.' }),
  partnerNumber: text(100),
  signedOn: calendarDate,
  parentId: resourceId.meta({ description: 'The MoU a PKS or addendum implements.' }),
  notes: z.string().max(5000, 'must be at most 5000 characters'),
};

const requiredFields = {
  title: text(300),
  kind: z.enum(agreementKinds),
  partners: z.array(partnerSchema).min(1, 'must list at least one partner').max(50, 'must list at most 50 partners'),
  fields: z.array(text(100)).max(30, 'must list at most 30 subject areas').default([]),
  startsOn: calendarDate,
  endsOn: calendarDate,
  ownerUnit: text(200),
  contactEmails: z.array(email).min(1, 'must list at least one email').max(20, 'must list at most 20 emails'),
};

export const createAgreementSchema = z.strictObject({
  ...requiredFields,
  number: optionalFields.number.optional(),
  partnerNumber: optionalFields.partnerNumber.optional(),
  signedOn: optionalFields.signedOn.optional(),
  parentId: optionalFields.parentId.optional(),
  notes: optionalFields.notes.optional(),
}).superRefine(
  (draft, context) => {
    for (const violation of ruleViolations(draft)) context.addIssue({ code: 'custom', path: [violation.path], message: violation.message });
  },
  // Run even when other fields are bad, so that one response names every problem.
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);
export type CreateAgreement = z.output<typeof createAgreementSchema>;

const serverManaged = z
  .unknown()
  .refine(() => false, { message: 'is set by the server and cannot be written' })
  .optional()
  .meta({ readOnly: true });

/** JSON merge patch (RFC 7396): absent keeps, `null` clears an optional field. */
export const patchAgreementSchema = z.strictObject({
  title: requiredFields.title.optional(),
  kind: requiredFields.kind.optional(),
  partners: requiredFields.partners.optional(),
  fields: z.array(text(100)).max(30).optional(),
  startsOn: calendarDate.optional(),
  endsOn: calendarDate.optional(),
  ownerUnit: requiredFields.ownerUnit.optional(),
  contactEmails: requiredFields.contactEmails.optional(),
  number: optionalFields.number.nullable().optional(),
  partnerNumber: optionalFields.partnerNumber.nullable().optional(),
  signedOn: optionalFields.signedOn.nullable().optional(),
  parentId: optionalFields.parentId.nullable().optional(),
  notes: optionalFields.notes.nullable().optional(),
  status: z
    .literal('TERMINATED', { message: 'can only be set to TERMINATED; the other statuses follow from the dates' })
    .optional(),
  terminationReason: text(1000).optional(),
  id: serverManaged,
  version: serverManaged,
  createdAt: serverManaged,
  updatedAt: serverManaged,
  createdBy: serverManaged,
  updatedBy: serverManaged,
  renews: serverManaged,
  renewedBy: serverManaged,
  terminatedOn: serverManaged,
});
export type PatchAgreement = z.output<typeof patchAgreementSchema>;

export const renewAgreementSchema = z.strictObject({
  endsOn: calendarDate,
  startsOn: calendarDate.optional().meta({ description: 'Defaults to the day after the old agreement ends.' }),
  number: optionalFields.number.optional(),
});
export type RenewAgreement = z.output<typeof renewAgreementSchema>;

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
  number: z.string().optional(),
  partnerNumber: z.string().optional(),
  signedOn: calendarDate.optional(),
  parentId: z.string().optional(),
  notes: z.string().optional(),
  status: z.enum(agreementStatuses),
  renews: z.string().optional(),
  renewedBy: z.string().optional(),
  terminatedOn: calendarDate.optional(),
  terminationReason: z.string().optional(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  createdBy: z.string(),
  updatedBy: z.string(),
});
export type Agreement = z.output<typeof agreementSchema>;

export const agreementIdParams = z.object({ id: resourceId });

export const listAgreementsQuery = z.strictObject({
  status: z.enum(agreementStatuses).optional(),
  kind: z.enum(agreementKinds).optional(),
  partner: text(200).optional().meta({ description: 'Case-insensitive part of a partner name.' }),
  field: text(100).optional().meta({ description: 'A subject area, matched case-insensitively.' }),
  endsFrom: calendarDate.optional(),
  endsTo: calendarDate.optional(),
  parentId: resourceId.optional(),
  limit,
  cursor: cursor.optional(),
});
export type ListAgreementsQuery = z.output<typeof listAgreementsQuery>;

export const expiringQuery = z.strictObject({
  withinDays: wholeNumber('a whole number of days from 0 to 1825', 0, 1825).default(90),
  limit,
  cursor: cursor.optional(),
});

export const historyQuery = z.strictObject({ limit, cursor: cursor.optional() });

export const auditEntrySchema = z.object({
  version: z.number().int(),
  at: timestamp,
  by: z.string(),
  action: z.enum(['CREATED', 'UPDATED', 'TERMINATED', 'RENEWED']),
  changes: z.array(z.object({ field: z.string(), from: z.unknown().optional(), to: z.unknown().optional() })),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

export const agreementPage = pageOf(agreementSchema);
export const auditPage = pageOf(auditEntrySchema);
