import { untracked } from './rules.ts';
import type { AuditEntry } from './schemas.ts';

/**
 * The audit trail as the console shows it: only what changed, each change as one line
 * "field: before → after" (a creation lists each created value once, "field: value"). Applied
 * when the trail is read, so entries stored before bookkeeping was left out (a creation that
 * listed `id`, `createdAt`, `createdBy`) read the same way as new ones.
 */
export function historyEntryView(entry: AuditEntry): AuditEntry {
  const changes = entry.changes.filter((change) => !untracked.has(change.field)).map((change) => ({ ...change, text: changeText(change) }));
  return { ...entry, changes };
}

const NONE = '(none)';

export function changeText(change: { field: string; from?: unknown; to?: unknown }): string {
  if (change.from === undefined) return `${change.field}: ${valueText(change.to)}`;
  return `${change.field}: ${valueText(change.from)} → ${valueText(change.to)}`;
}

/** A stored value in a few words: lists joined, partners as "name (category, country)", a withdrawal by its reason. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return NONE;
  if (Array.isArray(value)) return value.length ? value.map(valueText).join('; ') : NONE;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.name === 'string') return `${record.name} (${[record.category, record.country].filter(Boolean).join(', ')})`;
    if (typeof record.reason === 'string') return record.reason;
    return JSON.stringify(value);
  }
  return String(value);
}
