import { jobHandler } from '../../shared/alerts/job-handler.ts';
import { EXPIRING_JOB, runExpiringAgreements } from '../../shared/alerts/jobs/expiring-agreements.ts';

export const handler = jobHandler(EXPIRING_JOB, runExpiringAgreements);
