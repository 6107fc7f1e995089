import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import type { Key } from '../db/query.ts';
import { alertsByStatus, type AlertKind, type AlertStatus } from './ledger.ts';
import type { AlertView } from './schemas.ts';

export async function listAlerts(query: { status: AlertStatus; kind?: AlertKind; limit: number; cursor?: string }): Promise<Page<AlertView>> {
  const scope = `alerts:${query.status}:${query.kind ?? '*'}`;
  const page = await alertsByStatus(query.status, query.kind, query.limit, query.cursor ? (decodeCursor(scope, query.cursor) as Key) : undefined);
  return {
    items: page.items.map((alert) => ({
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
    })),
    ...(page.next ? { nextCursor: encodeCursor(scope, page.next) } : {}),
  };
}
