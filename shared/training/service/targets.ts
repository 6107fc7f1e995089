import type { Actor } from '../../actor.ts';
import { settings } from '../../config.ts';
import { getStoredTarget, putTarget } from '../repository/targets.ts';
import type { Target } from '../schemas.ts';

export async function targetOf(year: number): Promise<Target> {
  const stored = await getStoredTarget(year);
  return stored ? { year, hours: stored.hours, source: 'STORED', version: stored.version } : { year, hours: settings().DEFAULT_TARGET_HOURS, source: 'DEFAULT' };
}

export async function setTarget(year: number, hours: number, actor: Actor): Promise<Target> {
  const version = await putTarget(year, hours, actor.subject, actor.now.toISOString());
  return { year, hours, source: 'STORED', version };
}
