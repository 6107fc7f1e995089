import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business metrics in CloudWatch's embedded metric format (Powertools Metrics, ~15 KB): one JSON
 * log line per flush, no API call. Namespace `Jalin`, dimension `service=jalin`; infra/alarms.ts
 * alarms on them by the same names. Used by the jobs and the email functions, not the API (its
 * requests, errors and latency come from API Gateway's own metrics).
 */
export const METRICS_NAMESPACE = 'Jalin';
export const SERVICE = 'jalin';

/** Alerts that ended FAILED: not sent and not going to be (or bounced for good). */
export const ALERTS_FAILED = 'AlertsFailed';
/** Alerts a job run could not send (RETRY or FAILED), with a `job` dimension. */
export const ALERTS_NOT_SENT = 'AlertsNotSent';

const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE });

/** Only on Lambda: locally and in tests the lines would be noise on stdout. */
const onLambda = () => Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);
/** Powertools warns when asked to publish nothing. */
let pending = 0;

export function countMetric(name: string, value = 1): void {
  if (!onLambda() || value <= 0) return;
  metrics.addMetric(name, MetricUnit.Count, value);
  pending += 1;
}

/** A count with its own dimension (e.g. the job), written at once. */
export function countMetricFor(name: string, dimension: string, dimensionValue: string, value: number): void {
  if (!onLambda()) return;
  const single = metrics.singleMetric();
  single.addDimension(dimension, dimensionValue);
  single.addMetric(name, MetricUnit.Count, value);
}

/** Writes what was counted; call at the end of each invocation. */
export function flushMetrics(): void {
  if (pending === 0) return;
  metrics.publishStoredMetrics();
  pending = 0;
}
