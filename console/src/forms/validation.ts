import * as z from 'zod/mini';

/**
 * The API's own zod schemas run in the browser: every field error, keyed by its path as the
 * API writes it (`partners.0.name`), so live checks and the server's answer land in the same place.
 */
export function fieldIssues(schema: z.ZodMiniType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const issues: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || 'body';
    issues[path] ??= issue.message;
  }
  return issues;
}

/** A fresh key per intended write: a retry of the same submit replays instead of creating twice. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
