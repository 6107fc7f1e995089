import { PermanentSendError, type Mailer } from '../email/message.ts';
import { log } from '../log.ts';
import { alertsByStatus, claim, MAX_ATTEMPTS, settle, type AlertCandidate, type AlertKind, type StoredAlert } from './ledger.ts';
import type { Key } from '../db/query.ts';

export interface JobSummary {
  sent: number;
  skipped: number;
  failed: number;
}

export const emptySummary = (): JobSummary => ({ sent: 0, skipped: 0, failed: 0 });

export function addUp(into: JobSummary, outcome: keyof JobSummary): JobSummary {
  into[outcome] += 1;
  return into;
}

/**
 * Claim, send, settle. A claim that fails means another run (or an earlier one) owns this alert:
 * skipped. A send that fails is RETRY for the next run, or FAILED when it cannot succeed.
 */
export async function deliver(candidate: AlertCandidate, mailer: Mailer, now: Date): Promise<keyof JobSummary> {
  const claimed = await claim(candidate, now);
  if (!claimed) return 'skipped';
  return send(claimed.alert, claimed.token, mailer, now);
}

async function send(alert: StoredAlert, token: string, mailer: Mailer, now: Date): Promise<keyof JobSummary> {
  try {
    await mailer.send(alert.message, alert.id);
    await settle(alert, token, 'SENT', now);
    return 'sent';
  } catch (error) {
    const permanent = error instanceof PermanentSendError || alert.attempts >= MAX_ATTEMPTS;
    await settle(alert, token, permanent ? 'FAILED' : 'RETRY', now, (error as Error).name);
    log('warn', 'alert not sent', { alert: alert.kind, attempts: alert.attempts, permanent, error: (error as Error).name });
    return 'failed';
  }
}

/** Sends again what earlier runs of this kind could not (RETRY, or PENDING left by a run that died). */
export async function retryUnsent(kind: AlertKind, mailer: Mailer, now: Date, summary: JobSummary): Promise<void> {
  for (const status of ['RETRY', 'PENDING'] as const) {
    let start: Key | undefined;
    do {
      const page = await alertsByStatus(status, kind, 100, start);
      for (const alert of page.items) addUp(summary, await deliver(alert, mailer, now));
      start = page.next;
    } while (start);
  }
}
