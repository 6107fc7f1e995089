import type { Agreement } from '../api/client.ts';

/** The form's state: text as typed; lists typed as comma-separated text. */
export interface AgreementDraft {
  title: string;
  kind: Agreement['kind'];
  number: string;
  partnerNumber: string;
  partners: { name: string; category: Agreement['partners'][number]['category']; country: string }[];
  fields: string;
  startsOn: string;
  endsOn: string;
  signedOn: string;
  ownerUnit: string;
  contactEmails: string;
  parentId: string;
  notes: string;
}

export const emptyDraft: AgreementDraft = {
  title: '',
  kind: 'MOU',
  number: '',
  partnerNumber: '',
  partners: [{ name: '', category: 'CENTRAL_GOVERNMENT', country: 'ID' }],
  fields: '',
  startsOn: '',
  endsOn: '',
  signedOn: '',
  ownerUnit: '',
  contactEmails: '',
  parentId: '',
  notes: '',
};

export function draftOf(agreement: Agreement): AgreementDraft {
  return {
    title: agreement.title,
    kind: agreement.kind,
    number: agreement.number ?? '',
    partnerNumber: agreement.partnerNumber ?? '',
    partners: agreement.partners.map((partner) => ({ ...partner })),
    fields: agreement.fields.join(', '),
    startsOn: agreement.startsOn,
    endsOn: agreement.endsOn,
    signedOn: agreement.signedOn ?? '',
    ownerUnit: agreement.ownerUnit,
    contactEmails: agreement.contactEmails.join(', '),
    parentId: agreement.parentId ?? '',
    notes: agreement.notes ?? '',
  };
}

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

const optionalKeys = ['number', 'partnerNumber', 'signedOn', 'parentId', 'notes'] as const;

/** The create body: empty optional fields left out. */
export function createBody(draft: AgreementDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    title: draft.title,
    kind: draft.kind,
    partners: draft.partners,
    fields: list(draft.fields),
    startsOn: draft.startsOn,
    endsOn: draft.endsOn,
    ownerUnit: draft.ownerUnit,
    contactEmails: list(draft.contactEmails),
  };
  for (const key of optionalKeys) if (draft[key].trim()) body[key] = draft[key];
  return body;
}

/** A JSON merge patch (RFC 7396) of what the person changed: emptied optional fields become `null`. */
export function mergePatch(base: AgreementDraft, draft: AgreementDraft): Record<string, unknown> {
  const before = createBody(base);
  const after = createBody(draft);
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    patch[key] = key in after ? after[key] : null;
  }
  return patch;
}
