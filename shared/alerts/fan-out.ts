import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { settings } from '../config.ts';
import type { AlertCandidate } from './ledger.ts';

/**
 * Where a large run puts its alerts instead of sending them one by one inside a single job
 * invocation (the monthly compliance mail reaches every employee behind target): an SQS queue,
 * drained by the email senders (email-sender.ts) at SES's send rate. The ledger still decides
 * what is sent: a message delivered twice by SQS finds its alert claimed and is skipped.
 */
export interface AlertQueue {
  add(candidate: AlertCandidate): Promise<void>;
  /** Sends what is buffered; returns how many alerts were queued in all. */
  flush(): Promise<number>;
}

const BATCH = 10;

/** The stage's email queue (EMAIL_QUEUE_URL, set by CDK), or none: locally and in tests, send inline. */
export function configuredAlertQueue(): AlertQueue | undefined {
  const queueUrl = settings().EMAIL_QUEUE_URL;
  return queueUrl ? sqsAlertQueue(queueUrl) : undefined;
}

export function sqsAlertQueue(queueUrl: string, client = new SQSClient({})): AlertQueue {
  let buffer: AlertCandidate[] = [];
  let queued = 0;

  async function sendBuffer(): Promise<void> {
    const batch = buffer;
    buffer = [];
    if (batch.length === 0) return;
    const output = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((candidate, index) => ({ Id: String(index), MessageBody: JSON.stringify(candidate) })),
      }),
    );
    // A refused entry must not vanish: the run fails, and its retry re-queues (the ledger dedupes).
    if (output.Failed?.length) throw new Error(`The email queue refused ${output.Failed.length} of ${batch.length} alerts (${output.Failed[0]!.Code}).`);
    queued += batch.length;
  }

  return {
    async add(candidate) {
      buffer.push(candidate);
      if (buffer.length === BATCH) await sendBuffer();
    },
    async flush() {
      await sendBuffer();
      return queued;
    },
  };
}
