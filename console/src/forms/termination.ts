import type { Language } from '../../../shared/i18n/messages.ts';
import { patchAgreementSchema } from '../../../shared/agreements/schemas.ts';
import { fieldIssues } from './validation.ts';

/** The merge patch that terminates an agreement. */
export const terminationBody = (reason: string) => ({ status: 'TERMINATED' as const, terminationReason: reason });

/** What the API would say about this reason (empty, several lines, too long), in the person's language; none when it passes. */
export function terminationIssue(reason: string, language: Language): string | undefined {
  return fieldIssues(patchAgreementSchema, terminationBody(reason), language).terminationReason;
}
