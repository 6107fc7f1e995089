import { countMetric, flushMetrics } from '../../../shared/metrics.ts';

/** Cold-start diagnostic: what the jobs' and email functions' metrics cost (Powertools Metrics, EMF). */
export const handler = async () => {
  countMetric('Probe');
  flushMetrics();
};
