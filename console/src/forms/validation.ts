import * as z from 'zod/mini';
import type { Language } from '../../../shared/i18n/messages.ts';
import { messageIn } from '../../../shared/errors.ts';
import { fieldErrors } from '../../../shared/validation.ts';

/**
 * The API's own zod schemas run in the browser: every field error, keyed by its path as the
 * API writes it (`partners.0.name`), so live checks and the server's answer land in the same place.
 * The API's own wording too (its catalogue, in `language`), not the code a check names.
 */
export function fieldIssues(schema: z.ZodMiniType, value: unknown, language: Language): Record<string, string> {
  const result = z.safeParse(schema, value, { reportInput: true });
  if (result.success) return {};
  const issues: Record<string, string> = {};
  for (const error of fieldErrors(result.error.issues)) {
    issues[error.path || 'body'] ??= messageIn(error, language);
  }
  return issues;
}

/** A fresh key per intended write: a retry of the same submit replays instead of creating twice. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
