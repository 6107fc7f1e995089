import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import type { Mailer } from '../email/message.ts';
import { log } from '../log.ts';
import { deliver, emptySummary, addUp, type JobSummary } from './deliver.ts';
import type { AlertCandidate } from './ledger.ts';

export interface Pace {
  /** SES's maximum send rate for the account, messages per second. */
  ratePerSecond: number;
  /** How many senders run at once (the queue consumer's concurrency): they share the rate. */
  senders: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Drains one SQS batch of queued alerts (fan-out.ts): each is delivered through the ledger (claim,
 * send, settle), one send every `senders / rate` seconds so that all senders together stay under
 * SES's send rate. An alert whose delivery threw (the table was unreachable, SENT could not be
 * recorded) is reported back to SQS as failed and comes again; its ledger entry keeps a second
 * send from happening. A send that failed is already RETRY or FAILED in the ledger: done here.
 */
export async function sendQueuedAlerts(records: SQSRecord[], mailer: Mailer, pace: Pace, now = () => new Date()): Promise<SQSBatchResponse & { summary: JobSummary }> {
  const sleep = pace.sleep ?? realSleep;
  const intervalMs = (1000 * pace.senders) / pace.ratePerSecond;
  const summary = emptySummary();
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const [index, record] of records.entries()) {
    if (index > 0) await sleep(intervalMs);
    try {
      addUp(summary, await deliver(JSON.parse(record.body) as AlertCandidate, mailer, now()));
    } catch (error) {
      log('error', 'queued alert not delivered', { messageId: record.messageId, error: (error as Error).name });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures, summary };
}
