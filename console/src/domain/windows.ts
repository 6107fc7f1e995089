import { daysBetween } from '../../../shared/time/calendar.ts';

/** The alert thresholds the inbox groups by (as the expiry job mails them): 7, 30, 90, 180 days. */
export const endingWindows = [7, 30, 90, 180] as const;
export type EndingWindow = (typeof endingWindows)[number];

/** Days from today to the end date, counted on the Jakarta calendar (31 Dec → 1 Jan is one day). */
export function daysLeft(endsOn: string, today: string): number {
  return daysBetween(today, endsOn);
}

/** The smallest window an agreement ending on `endsOn` falls in, or undefined beyond 180 days or already over. */
export function windowOf(endsOn: string, today: string): EndingWindow | undefined {
  const days = daysLeft(endsOn, today);
  if (days < 0) return undefined;
  return endingWindows.find((window) => days <= window);
}

/** Items grouped by their window, each group soonest first. */
export function byWindow<T extends { endsOn: string }>(items: T[], today: string): Map<EndingWindow, T[]> {
  const groups = new Map<EndingWindow, T[]>(endingWindows.map((window) => [window, []]));
  for (const item of items) {
    const window = windowOf(item.endsOn, today);
    if (window) groups.get(window)!.push(item);
  }
  for (const list of groups.values()) list.sort((a, b) => a.endsOn.localeCompare(b.endsOn));
  return groups;
}
