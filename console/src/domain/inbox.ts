import { addDays, addYears } from '../../../shared/time/calendar.ts';
import type { Agreement } from '../api/client.ts';
import { endingWindows, type EndingWindow } from './windows.ts';

/** Items a box of the inbox shows; the rest is one "see all" away, so the page stays a page. */
export const INBOX_ITEMS = 5;

/** The end dates of a window, as windows.ts › windowOf counts them (7: today to 7 days; 30: 8 to 30 days…). */
export function windowRange(window: EndingWindow, today: string): { endsFrom: string; endsTo: string } {
  const index = endingWindows.indexOf(window);
  return { endsFrom: addDays(today, index === 0 ? 0 : endingWindows[index - 1]! + 1), endsTo: addDays(today, window) };
}

/** The agreements list showing exactly a window's agreements (filters in the URL, agreement-list-query.ts). */
export function windowListPath(window: EndingWindow, today: string): string {
  return `/kerja-sama?${new URLSearchParams({ status: 'ACTIVE', ...windowRange(window, today) })}`;
}

/**
 * Ended without renewal, still to act on: ended within the last year (older ones were decided
 * long ago; the list keeps them), unless an evaluation decided to let the agreement lapse, which
 * closes the loop the day-0 email opens. Most recently ended first.
 */
export function expiredToActOn(agreements: Agreement[], today: string): Agreement[] {
  const horizon = addYears(today, -1);
  return agreements
    .filter((agreement) => agreement.endsOn >= horizon && agreement.evaluation?.decision !== 'LET_LAPSE')
    .sort((a, b) => b.endsOn.localeCompare(a.endsOn));
}

/** In force, yet nobody has the signed text at hand: the count is kept by the API on each checked upload. */
export function withoutSignedDocument(agreements: Agreement[]): Agreement[] {
  return agreements.filter((agreement) => !agreement.signedDocuments);
}
