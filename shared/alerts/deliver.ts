import { PermanentSendError, TransientSendError, type Mailer } from '../email/message.ts';
import { log, redact } from '../log.ts';
import { ALERTS_FAILED, countMetric } from '../metrics.ts';
import { alertsInStatus, claim, giveUpUnconfirmed, MAX_ATTEMPTS, settle, type AlertCandidate, type AlertKind, type StoredAlert } from './ledger.ts';
import { queryAll } from '../db/query.ts';

export interface JobSummary {
  sent: number;
  skipped: number;
  failed: number;
  /** Alerts handed to the email queue (runs that fan out, see fan-out.ts); sent by its consumers. */
  queued?: number;
}

export const emptySummary = (): JobSummary => ({ sent: 0, skipped: 0, failed: 0 });

export function addUp(into: JobSummary, outcome: keyof JobSummary): JobSummary {
  into[outcome] += 1;
  return into;
}

/**
 * Claim, send, settle. A claim that fails means another run (or an earlier one) owns this alert:
 * skipped. A send that fails is RETRY for the next run, or FAILED when it cannot succeed. A send
 * that succeeded is never followed by another: if recording SENT fails (after the SDK's own
 * retries and ours), the error propagates and the alert stays PENDING under this run's claim,
 * which no run re-sends (see giveUpUnconfirmed).
 */
export async function deliver(candidate: AlertCandidate, mailer: Mailer, now: Date): Promise<keyof JobSummary> {
  const claimed = await claim(candidate, now);
  if (!claimed) return 'skipped';
  return send(claimed.alert, claimed.token, mailer, now);
}

const SETTLE_ATTEMPTS = 3;

async function send(alert: StoredAlert, token: string, mailer: Mailer, now: Date): Promise<keyof JobSummary> {
  try {
    await mailer.send(alert.message, alert.id);
  } catch (error) {
    const permanent = error instanceof PermanentSendError || alert.attempts >= MAX_ATTEMPTS;
    const reason = describe(error);
    await settle(alert, token, permanent ? 'FAILED' : 'RETRY', now, reason);
    if (permanent) countMetric(ALERTS_FAILED);
    log('warn', 'alert not sent', { alert: alert.kind, attempts: alert.attempts, permanent, error: reason });
    return 'failed';
  }
  await settleSent(alert, token, now);
  return 'sent';
}

/** Records SENT, trying again a few times: the email is gone, so this must not turn into a resend. */
async function settleSent(alert: StoredAlert, token: string, now: Date): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await settle(alert, token, 'SENT', now);
      return;
    } catch (error) {
      if (attempt === SETTLE_ATTEMPTS) {
        log('error', 'alert sent but not recorded as SENT', { alert: alert.kind, error: (error as Error).name });
        throw error;
      }
    }
  }
}

/** Why a send failed, for the ledger: our own errors say which SES answer or rule; others give their name only. */
function describe(error: unknown): string {
  if (error instanceof PermanentSendError || error instanceof TransientSendError) return redact(`${error.name}: ${error.message}`);
  return (error as Error).name;
}

/**
 * Deals with what earlier runs of this kind left: RETRY is sent again; PENDING left by a run that
 * stopped is not (its email may have gone) but becomes FAILED once stale, for a person to check.
 */
export async function retryUnsent(kind: AlertKind, mailer: Mailer, now: Date, summary: JobSummary): Promise<void> {
  await forEachAlert('RETRY', kind, async (alert) => addUp(summary, await deliver(alert, mailer, now)));
  await forEachAlert('PENDING', kind, async (alert) => {
    if (!(await giveUpUnconfirmed(alert, now))) return;
    countMetric(ALERTS_FAILED);
    addUp(summary, 'failed');
  });
}

async function forEachAlert(status: 'RETRY' | 'PENDING', kind: AlertKind, visit: (alert: StoredAlert) => Promise<unknown>): Promise<void> {
  for await (const items of queryAll(alertsInStatus(status, kind))) {
    for (const alert of items as unknown as StoredAlert[]) await visit(alert);
  }
}
