import type { RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { jobs, type JobDefinition } from '../shared/alerts/job-table.ts';
import type { Email } from './email.ts';
import { deadLetterQueue } from './dead-letters.ts';
import { ApiFunction, bindTable } from './lambda.ts';

export interface SchedulesProps {
  table: ITableV2;
  email: Email;
  trainingAdminEmails: string[];
  language: 'id' | 'en';
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}

/**
 * The scheduled jobs of shared/alerts/job-table.ts: one function and one EventBridge rule per
 * row. A failed invocation is retried twice by Lambda, then parked in a dead-letter queue (both
 * alarmed in infra/alarms.ts). Each job has a reserved concurrency of one: a retry never runs
 * beside the run it retries, and a job cannot take the API's concurrency.
 */
export class Schedules extends Construct {
  readonly functions: Record<string, ApiFunction> = {};
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);

    this.deadLetters = deadLetterQueue(this, 'the scheduled jobs');

    for (const job of jobs as readonly JobDefinition[]) {
      const fn = new ApiFunction(this, job.name, {
        handler: job.handler,
        description: job.description,
        timeoutSeconds: job.timeoutSeconds,
        reservedConcurrency: 1,
        logRetention: props.logRetention,
        logRemovalPolicy: props.logRemovalPolicy,
        environment: job.alerts ? { ALERT_LANGUAGE: props.language, TRAINING_ADMIN_EMAILS: props.trainingAdminEmails.join(',') } : {},
      });
      bindTable(fn.function, props.table, job.actions);
      if (job.alerts) props.email.grantSend(fn);
      if (job.fanOut) props.email.grantEnqueue(fn);
      fn.function.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(this.deadLetters) });

      new Rule(this, `${job.name}Schedule`, {
        description: job.description,
        schedule: Schedule.expression(job.schedule),
        // An empty event: the job takes today's date in Jakarta. `{ "today": "YYYY-MM-DD" }` replays a day.
        targets: [new LambdaFunction(fn.function, { event: RuleTargetInput.fromObject({}), deadLetterQueue: this.deadLetters, retryAttempts: 2 })],
      });
      this.functions[job.name] = fn;
    }
  }
}
