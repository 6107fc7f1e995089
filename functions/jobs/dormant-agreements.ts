import { jobHandler } from '../../shared/alerts/job-handler.ts';
import { runDormantAgreements } from '../../shared/alerts/jobs/dormant-agreements.ts';

export const handler = jobHandler('dormant-agreements', runDormantAgreements);
