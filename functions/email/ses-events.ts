import type { EventBridgeEvent } from 'aws-lambda';
import { recordDeliveryProblem } from '../../shared/alerts/ledger.ts';
import { deliveryProblemOf, type SesEventDetail } from '../../shared/email/events.ts';
import { log, redact } from '../../shared/log.ts';
import { ALERTS_FAILED, countMetric, flushMetrics } from '../../shared/metrics.ts';

/** SES bounce, complaint and reject events of the configuration set (EventBridge): recorded on the alert they concern. */
export const handler = async (event: EventBridgeEvent<string, SesEventDetail>): Promise<void> => {
  const found = deliveryProblemOf(event.detail);
  if (!found) return;
  const failed = await recordDeliveryProblem(found.alertId, redact(found.problem), found.failed, new Date());
  if (failed) countMetric(ALERTS_FAILED);
  log('info', 'email delivery problem recorded', { eventType: event.detail.eventType, failed });
  flushMetrics();
};
