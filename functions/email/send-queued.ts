import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { sendQueuedAlerts } from '../../shared/alerts/email-sender.ts';
import { settings } from '../../shared/config.ts';
import { configuredMailer } from '../../shared/email/mailer.ts';
import { log } from '../../shared/log.ts';
import { flushMetrics } from '../../shared/metrics.ts';

/** The email queue's consumer: queued alerts of large runs, sent at SES's rate (shared/alerts/email-sender.ts). */
export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const { SES_SEND_RATE, EMAIL_SENDERS } = settings();
  const { batchItemFailures, summary } = await sendQueuedAlerts(event.Records, configuredMailer(), { ratePerSecond: SES_SEND_RATE, senders: EMAIL_SENDERS });
  log('info', 'queued alerts delivered', { ...summary, retried: batchItemFailures.length });
  flushMetrics();
  return { batchItemFailures };
};
