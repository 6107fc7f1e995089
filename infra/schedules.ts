import { Duration, Stack, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { jobs } from '../shared/alerts/job-table.ts';
import { ApiFunction, bindTable } from './lambda.ts';

export interface SchedulesProps {
  table: ITableV2;
  /** The verified SES identity the alerts are sent from, e.g. `jalin@jakarta.go.id`. */
  senderEmail: string;
  trainingAdminEmails: string[];
  language: 'id' | 'en';
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}

/**
 * The scheduled jobs of shared/alerts/job-table.ts: one function and one EventBridge rule per
 * row. A failed invocation is retried twice by Lambda, then parked in a dead-letter queue; job
 * errors and parked events raise alarms on one topic that operations subscribe to.
 */
export class Schedules extends Construct {
  readonly functions: Record<string, ApiFunction> = {};
  readonly deadLetters: Queue;
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    const { region, account } = Stack.of(this);
    const senderDomain = props.senderEmail.split('@')[1] ?? props.senderEmail;

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the scheduled jobs; its messages are inspected and replayed by hand.',
    });

    this.alarmTopic = new Topic(this, 'Alarms', {
      displayName: 'Jalin job alarms',
      enforceSSL: true,
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });

    for (const job of jobs) {
      const fn = new ApiFunction(this, job.name, {
        handler: job.handler,
        description: job.description,
        timeoutSeconds: job.timeoutSeconds,
        logRetention: props.logRetention,
        logRemovalPolicy: props.logRemovalPolicy,
        environment: {
          MAIL_TRANSPORT: 'ses',
          ALERT_SENDER: props.senderEmail,
          ALERT_LANGUAGE: props.language,
          TRAINING_ADMIN_EMAILS: props.trainingAdminEmails.join(','),
        },
      });
      bindTable(fn.function, props.table, job.actions);
      // Send only as the configured sender, through its verified identity.
      fn.function.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail', 'ses:SendRawEmail'],
          resources: [`arn:aws:ses:${region}:${account}:identity/${props.senderEmail}`, `arn:aws:ses:${region}:${account}:identity/${senderDomain}`],
          conditions: { StringEquals: { 'ses:FromAddress': props.senderEmail } },
        }),
      );
      fn.function.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(this.deadLetters) });

      new Rule(this, `${job.name}Schedule`, {
        description: job.description,
        schedule: Schedule.expression(job.schedule),
        // An empty event: the job takes today's date in Jakarta. `{ "today": "YYYY-MM-DD" }` replays a day.
        targets: [new LambdaFunction(fn.function, { event: RuleTargetInput.fromObject({}), deadLetterQueue: this.deadLetters, retryAttempts: 2 })],
      });

      this.alarmOnAny(`${job.name}Errors`, fn.function.metricErrors({ period: Duration.minutes(5) }), `${job.name} failed: check its log group; alerts not sent are retried by the next run.`);
      this.functions[job.name] = fn;
    }
    this.alarmOnAny(
      'DeadLettersWaiting',
      this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      'A scheduled job invocation failed all its retries and waits in the dead-letter queue.',
    );
  }

  /** An alarm on the alarm topic as soon as the metric counts one. */
  private alarmOnAny(id: string, metric: IMetric, description: string): void {
    new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(this.alarmTopic));
  }
}
