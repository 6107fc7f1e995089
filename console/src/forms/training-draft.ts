import type { Training } from '../api/employees.ts';

/** The add-training form as typed: hours as text (`7,5` or `7.5`), optional fields empty when unused. */
export interface TrainingDraft {
  title: string;
  provider: string;
  method: Training['method'];
  startsOn: string;
  endsOn: string;
  hours: string;
  certificateNumber: string;
  agreementId: string;
}

export const emptyTrainingDraft: TrainingDraft = { title: '', provider: '', method: 'CLASSICAL', startsOn: '', endsOn: '', hours: '', certificateNumber: '', agreementId: '' };

/** Hours as the API takes them: a number (decimal comma or point); anything else is sent as typed, for the schema to name. */
function hoursOf(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed.replace(',', '.'));
  return /^\d+([.,]\d+)?$/.test(trimmed) && Number.isFinite(value) ? value : trimmed;
}

/** The POST body (shared/training/schemas.ts `trainingBody`): empty optional fields left out. */
export function trainingBodyOf(draft: TrainingDraft): Record<string, unknown> {
  const body: Record<string, unknown> = { title: draft.title, provider: draft.provider, method: draft.method, startsOn: draft.startsOn, endsOn: draft.endsOn };
  const hours = hoursOf(draft.hours);
  if (hours !== undefined) body.hours = hours;
  if (draft.certificateNumber.trim()) body.certificateNumber = draft.certificateNumber;
  if (draft.agreementId.trim()) body.agreementId = draft.agreementId.trim();
  return body;
}
