import { configuredAlertQueue } from '../../shared/alerts/fan-out.ts';
import { jobHandler } from '../../shared/alerts/job-handler.ts';
import { runTrainingCompliance } from '../../shared/alerts/jobs/training-compliance.ts';

/** Fans out: its reminders (one per employee behind target) go through the email queue. */
export const handler = jobHandler('training-compliance', runTrainingCompliance, { queue: configuredAlertQueue });
