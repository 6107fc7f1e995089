/**
 * The scheduled jobs: CDK deploys one function and one EventBridge rule per row
 * (infra/schedules.ts) and `npm run job -- <name>` runs the same handler locally.
 * Schedules are EventBridge cron expressions in UTC: 00:00 UTC is 07:00 in Jakarta (WIB).
 */
import type { TableAction } from '../http/route.ts';

export interface JobDefinition {
  name: string;
  /** The entry under functions/, without extension. */
  handler: string;
  schedule: string;
  description: string;
  timeoutSeconds: number;
  /** Exactly the table actions the job uses (its role holds these): reads, the ledger's claims, its last run. */
  actions: readonly TableAction[];
  /** Its alerts go through the email queue, sent at SES's rate (one run may mail every employee). */
  fanOut?: boolean;
}

export const jobs = [
  {
    name: 'expiring-agreements',
    handler: 'jobs/expiring-agreements',
    schedule: 'cron(0 0 * * ? *)',
    description: 'Daily 07:00 WIB: agreements reaching an alert threshold',
    timeoutSeconds: 300,
    actions: ['Query', 'GetItem', 'UpdateItem'],
  },
  {
    name: 'dormant-agreements',
    handler: 'jobs/dormant-agreements',
    schedule: 'cron(0 0 ? * MON *)',
    description: 'Mondays 07:00 WIB: active agreements without activity, one digest per unit',
    timeoutSeconds: 300,
    actions: ['Query', 'GetItem', 'UpdateItem'],
  },
  {
    name: 'training-compliance',
    handler: 'jobs/training-compliance',
    schedule: 'cron(0 0 1 * ? *)',
    description: 'The 1st of each month 07:00 WIB: employees below the pro-rata training target',
    timeoutSeconds: 900,
    actions: ['Query', 'GetItem', 'BatchGetItem', 'UpdateItem'],
    fanOut: true,
  },
] as const satisfies readonly JobDefinition[];

export type JobName = (typeof jobs)[number]['name'];
