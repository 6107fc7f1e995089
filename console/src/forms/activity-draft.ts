import type { Language } from '../../../shared/i18n/messages.ts';
import { activityViolations } from '../../../shared/agreements/activities/rules.ts';
import { createActivitySchema, type ActivityKind, type CreateActivity } from '../../../shared/agreements/activities/schemas.ts';
import type { Activity } from '../api/activities.ts';
import { en, id, type MessageKey } from '../i18n/messages.ts';
import { fieldIssues } from './validation.ts';

/** The record-activity form as typed: participants one per line, decision and reason kept while the kind changes. */
export interface ActivityDraft {
  kind: ActivityKind;
  on: string;
  description: string;
  participants: string;
  decision: string;
  reason: string;
}

export const emptyActivityDraft = (kind: ActivityKind, today: string): ActivityDraft => ({ kind, on: today, description: '', participants: '', decision: '', reason: '' });

/**
 * The POST body (shared/agreements/activities/schemas.ts `createActivitySchema`): participants
 * one per non-empty line; decision and reason only for an EVALUATION (the API refuses them otherwise),
 * left out while empty so that the API's rule names what is missing.
 */
export function activityBodyOf(draft: ActivityDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    kind: draft.kind,
    on: draft.on,
    description: draft.description,
    participants: draft.participants
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
  if (draft.kind === 'EVALUATION') {
    if (draft.decision) body.decision = draft.decision;
    if (draft.reason.trim()) body.reason = draft.reason;
  }
  return body;
}

/** The API's rules (not in its schema) name a path with an English sentence: the console says it in its own words. */
const ruleWords: Record<string, MessageKey> = { on: 'activityOnFuture', decision: 'activityDecisionRequired', reason: 'activityReasonRequired' };

/**
 * Every problem the API would answer, found before sending: its zod schema (its catalogue's words
 * in `language`) and its record rules (`activityViolations`: not in the future, an evaluation has
 * a decision and a reason), keyed by the API's paths. The schema's word on a field wins.
 */
export function activityIssues(body: Record<string, unknown>, today: string, language: Language): Record<string, string> {
  const issues = fieldIssues(createActivitySchema, body, language);
  const words = language === 'en' ? en : id;
  for (const violation of activityViolations(body as CreateActivity, today)) {
    const key = ruleWords[violation.path];
    issues[violation.path] ??= key ? words[key] : violation.message;
  }
  return issues;
}

/** The issue of a form field, including those of its items (`participants.3` belongs to the participants box). */
export function issueOf(issues: Record<string, string>, field: string): string | undefined {
  return issues[field] ?? Object.entries(issues).find(([path]) => path.startsWith(`${field}.`))?.[1];
}

/** Newest first: by the day it took place, then by when it was recorded (the API orders same-day ones by a random id). */
export function newestFirst(activities: readonly Activity[]): Activity[] {
  return [...activities].sort((a, b) => b.on.localeCompare(a.on) || b.createdAt.localeCompare(a.createdAt));
}
