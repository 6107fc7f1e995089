import type * as z from 'zod/mini';
import type { Language } from '../../../shared/i18n/messages.ts';
import { isMessageCode, render } from '../../../shared/i18n/messages.ts';
import { fieldErrors } from '../../../shared/validation.ts';

/**
 * The API's own schema run in the browser, each field error in the person's language: the
 * catalogue the API answers from (shared/i18n/messages.ts), keyed by the path the API writes
 * (`participants.3.nip`), so live checks and the server's answer land in the same place.
 */
export function localizedIssues(schema: z.ZodMiniType, value: unknown, language: Language): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const issues: Record<string, string> = {};
  for (const error of fieldErrors(result.error.issues)) {
    issues[error.path || 'body'] ??= isMessageCode(error.code) ? render(error.code, error.params, language) : error.message;
  }
  return issues;
}
