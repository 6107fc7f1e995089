/**
 * The scheduled jobs: CDK deploys one function and one EventBridge rule per row
 * (infra/schedules.ts) and `npm run job -- <name>` runs the same handler locally.
 * Schedules are EventBridge cron expressions in UTC: 00:00 UTC is 07:00 in Jakarta (WIB),
 * 17:00 UTC the midnight that starts the next Jakarta day.
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
  /** It sends alerts by email: its role may send through SES, and its unsent alerts are alarmed. */
  alerts: boolean;
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
    alerts: true,
  },
  {
    name: 'dormant-agreements',
    handler: 'jobs/dormant-agreements',
    schedule: 'cron(0 0 ? * MON *)',
    description: 'Mondays 07:00 WIB: active agreements without activity, one digest per unit',
    timeoutSeconds: 300,
    actions: ['Query', 'GetItem', 'UpdateItem'],
    alerts: true,
  },
  {
    name: 'training-compliance',
    handler: 'jobs/training-compliance',
    schedule: 'cron(0 0 1 * ? *)',
    description: 'The 1st of each month 07:00 WIB: employees below the pro-rata training target',
    timeoutSeconds: 900,
    actions: ['Query', 'GetItem', 'BatchGetItem', 'UpdateItem'],
    alerts: true,
    fanOut: true,
  },
  {
    name: 'open-training-year',
    handler: 'jobs/open-training-year',
    // 17:00 UTC on 31 December is 00:00 WIB on 1 January: the year is open from its first minute.
    schedule: 'cron(0 17 31 12 ? *)',
    description: '1 January 00:00 WIB: a zero total of the new year for every employee, so that reports list everyone from day one',
    timeoutSeconds: 900,
    actions: ['Query', 'BatchGetItem', 'GetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
    alerts: false,
  },
] as const satisfies readonly JobDefinition[];

export type JobName = (typeof jobs)[number]['name'];
