import { allPages, api, apiJson, unwrap, type Agreement, type Alert, type Page } from './client.ts';
import { isMissing } from './problem.ts';

/** Agreements in a status, every page (the inbox and calendar need the whole set; pages of 100). */
export function agreementsInStatus(status: Agreement['status']): Promise<Agreement[]> {
  return allPages((cursor) => unwrap(api().GET('/agreements', { params: { query: { status, limit: 100, ...(cursor ? { cursor } : {}) } } })));
}

export function expiringWithin(withinDays: number): Promise<Agreement[]> {
  return allPages((cursor) => unwrap(api().GET('/agreements/expiring', { params: { query: { withinDays, limit: 100, ...(cursor ? { cursor } : {}) } } })));
}

export function alertsInStatus(status: Alert['status']): Promise<Alert[]> {
  return allPages((cursor) => unwrap(api().GET('/alerts', { params: { query: { status, limit: 100, ...(cursor ? { cursor } : {}) } } })));
}

/**
 * Assumed (issue 12 §6, being added in parallel): `GET /agreements/dormant?days=180` →
 * `{ items: Agreement[] (optionally with lastActivityOn), nextCursor? }`. `null` while the API has none.
 */
export type DormantAgreement = Agreement & { lastActivityOn?: string };
export async function dormantAgreements(days = 180): Promise<DormantAgreement[] | null> {
  try {
    return await allPages((cursor) => apiJson<Page<DormantAgreement>>(`/agreements/dormant?days=${days}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
  } catch (error) {
    if (isMissing(error, { shadowed: true })) return null;
    throw error;
  }
}
