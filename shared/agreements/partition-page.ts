import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import type { Key } from '../db/query.ts';
import { requireAgreementRecord } from './repository.ts';

/**
 * A page of what lives in an agreement's partition (documents, activities): a 404 for an unknown
 * agreement on the first page, and a cursor bound to the list and the agreement.
 */
export async function pageOfAgreement<T>(
  list: string,
  agreementId: string,
  query: { limit: number; cursor?: string },
  read: (limit: number, start?: Key) => Promise<{ items: T[]; next?: Key }>,
): Promise<Page<T>> {
  const scope = `${list}:${agreementId}`;
  const start = query.cursor ? (decodeCursor(scope, query.cursor) as Key) : undefined;
  if (!start) await requireAgreementRecord(agreementId);
  const page = await read(query.limit, start);
  return { items: page.items, ...(page.next ? { nextCursor: encodeCursor(scope, page.next) } : {}) };
}
