import type { Actor } from '../../actor.ts';
import { settings } from '../../config.ts';
import { jpOfHours, lengthOf } from '../jp.ts';
import { getStoredTarget, putTarget } from '../repository/targets.ts';
import type { Target } from '../schemas.ts';

/**
 * The year's target, in hours (what compliance compares) and in JP, with the unit it was set in:
 * the national rule is 20 JP, DKI Jakarta's 40 hours. A JP target is converted with the JP length
 * of the day it was set, so a later JP_MINUTES change does not move a stored target.
 */
export async function targetOf(year: number): Promise<Target> {
  const { JP_MINUTES: jpMinutes, DEFAULT_TARGET_HOURS: defaultHours } = settings();
  const stored = await getStoredTarget(year);
  if (!stored) return { year, hours: defaultHours, jp: jpOfHours(defaultHours, jpMinutes), unit: 'HOURS', source: 'DEFAULT' };
  const unit = stored.unit ?? 'HOURS';
  return { year, hours: stored.hours, jp: stored.jp ?? jpOfHours(stored.hours, jpMinutes), unit, source: 'STORED', version: stored.version };
}

export async function setTarget(year: number, given: { hours?: number | undefined; jp?: number | undefined }, actor: Actor): Promise<Target> {
  const length = lengthOf(given, settings().JP_MINUTES);
  const version = await putTarget(year, length, actor.subject, actor.now.toISOString());
  return { year, hours: length.hours, jp: length.jp, unit: length.unit, source: 'STORED', version };
}
