import { jobHandler } from '../../shared/alerts/job-handler.ts';
import { runTrainingCompliance } from '../../shared/alerts/jobs/training-compliance.ts';

export const handler = jobHandler('training-compliance', runTrainingCompliance);
