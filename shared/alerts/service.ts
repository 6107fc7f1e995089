import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import type { BucketPosition } from '../db/query.ts';
import { alertsByStatus, type AlertKind, type AlertStatus, type StoredAlert } from './ledger.ts';
import type { AlertView } from './schemas.ts';

/**
 * Alerts in one status, of the given kinds only (what the caller may read): one query per kind,
 * in the order of `kinds`, and the cursor says which kind and where inside it to resume.
 */
export async function listAlerts(query: { status: AlertStatus; kinds: readonly AlertKind[]; limit: number; cursor?: string }): Promise<Page<AlertView>> {
  const scope = `alerts:${query.status}:${query.kinds.join(',')}`;
  const from = query.cursor ? (decodeCursor(scope, query.cursor) as unknown as BucketPosition) : { bucket: 0 };
  const items: StoredAlert[] = [];
  let next: BucketPosition | undefined;
  for (let bucket = from.bucket, start = from.key; bucket < query.kinds.length; bucket += 1, start = undefined) {
    const page = await alertsByStatus(query.status, query.kinds[bucket], query.limit - items.length, start);
    items.push(...page.items);
    if (page.next) {
      next = { bucket, key: page.next };
      break;
    }
    if (items.length === query.limit) {
      if (bucket + 1 < query.kinds.length) next = { bucket: bucket + 1 };
      break;
    }
  }
  return { items: items.map(alertView), ...(next ? { nextCursor: encodeCursor(scope, { ...next }) } : {}) };
}

function alertView(alert: StoredAlert): AlertView {
  return {
    id: alert.id,
    kind: alert.kind,
    subject: alert.subject,
    period: alert.period,
    status: alert.status,
    attempts: alert.attempts,
    recipients: alert.message.to.length + (alert.message.cc?.length ?? 0),
    ...(alert.lastError ? { lastError: alert.lastError } : {}),
    createdAt: alert.createdAt,
    updatedAt: alert.updatedAt,
  };
}
