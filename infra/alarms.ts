import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { AlarmStatusWidget, Dashboard, GraphWidget, MathExpression, Metric, Stats, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { Operation, type ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ALERTS_FAILED, ALERTS_NOT_SENT, METRICS_NAMESPACE, SERVICE } from '../shared/metrics.ts';
import { jobs } from '../shared/alerts/job-table.ts';
import type { ApiFunction } from './lambda.ts';
import type { Monitoring } from './monitoring.ts';

export interface AlarmsProps {
  monitoring: Monitoring;
  httpApi: HttpApi;
  /** Every function of the API, whatever their layout (one per route, or grouped). */
  apiFunctions: ApiFunction[];
  /** The scheduled jobs, by job name. */
  jobs: Record<string, ApiFunction>;
  /** Functions that run in the background (email sender, SES events): their errors are alarmed like a job's. */
  backgroundFunctions: Record<string, ApiFunction>;
  deadLetterQueues: Record<string, Queue>;
  table: ITableV2;
  /** Route keys whose 5xx are alarmed on their own (detailed route metrics are on for them). */
  watchedRoutes: { id: string; method: string; path: string; meaning: string }[];
}

const FIVE_MINUTES = Duration.minutes(5);
const HOUR = Duration.hours(1);
/** The DynamoDB operations Jalin calls (an alarm's math may hold at most 10 metrics). */
const tableOperations = [
  Operation.GET_ITEM,
  Operation.QUERY,
  Operation.BATCH_GET_ITEM,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
  Operation.TRANSACT_WRITE_ITEMS,
];

/** Structured log lines at level ERROR (Powertools Logger), counted across every function. */
export const ERROR_LOGS = 'ErrorLogs';

/**
 * What an operator is woken for, each threshold with its reason in the alarm's description (the
 * text of the email), and one dashboard with the same signals. The API turns every failure into
 * a 500 answer, so Lambda's `Errors` stays at 0 for API functions: their failures show as API
 * 5xx and as ERROR log lines instead.
 */
export class Alarms extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { monitoring } = props;
    const alarm = monitoring.alarm.bind(monitoring, this);
    const allFunctions = { ...Object.fromEntries(props.apiFunctions.map((fn) => [fn.node.path, fn])), ...props.jobs, ...props.backgroundFunctions };

    // API
    const requests = props.httpApi.metricCount({ period: FIVE_MINUTES, statistic: Stats.SUM });
    const serverErrors = props.httpApi.metricServerError({ period: FIVE_MINUTES, statistic: Stats.SUM });
    const errorRate = new MathExpression({
      expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      label: 'API 5xx (% of requests)',
      period: FIVE_MINUTES,
    });
    alarm('Api5xxRate', {
      metric: errorRate,
      threshold: 1,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      description:
        'More than 1% of API requests answered 5xx in 2 of the last 3 five-minute periods (with at least 20 requests). Every unexpected error is a 500, so this is a broken route or dependency, not a bad request. Look at the ErrorLogs lines (requestId) and the access log.',
    });
    const latency = props.httpApi.metricLatency({ period: FIVE_MINUTES, statistic: Stats.percentile(95) });
    alarm('ApiLatencyP95', {
      metric: latency,
      threshold: 2500,
      evaluationPeriods: 3,
      description:
        'The API\'s p95 latency stayed above 2.5 s for 15 minutes. Reads answer in milliseconds and cold starts add well under a second, so this means DynamoDB throttling, a slow dependency or functions near their timeout (10 s). Check the DynamoDB alarms and the functions\' Duration.',
    });
    for (const route of props.watchedRoutes) {
      alarm(`${route.id}Failures`, {
        metric: new Metric({
          namespace: 'AWS/ApiGateway',
          metricName: '5xx',
          dimensionsMap: { ApiId: props.httpApi.apiId, Stage: '$default', Method: route.method, Resource: route.path },
          period: FIVE_MINUTES,
          statistic: Stats.SUM,
        }),
        threshold: 1,
        description: `${route.method} ${route.path} failed with a 5xx: ${route.meaning}`,
      });
    }

    // Error log lines, from every function's log group
    for (const [name, fn] of Object.entries(allFunctions)) {
      new MetricFilter(this, `ErrorLogFilter${sanitize(name)}`, {
        logGroup: fn.logGroup,
        filterPattern: FilterPattern.stringValue('$.level', '=', 'ERROR'),
        metricNamespace: METRICS_NAMESPACE,
        metricName: ERROR_LOGS,
        metricValue: '1',
      });
    }
    const errorLogs = new Metric({ namespace: METRICS_NAMESPACE, metricName: ERROR_LOGS, period: FIVE_MINUTES, statistic: Stats.SUM });
    alarm('ErrorLogs', {
      metric: errorLogs,
      threshold: 3,
      description:
        'Three or more ERROR log lines in five minutes across Jalin\'s functions: requests that failed with a 500 (also at low traffic, where the 5xx rate alarm stays quiet) or job steps that failed. Logs Insights: filter level = "ERROR", then follow requestId.',
    });

    // Lambda throttles, per function
    for (const [name, fn] of Object.entries(allFunctions)) {
      alarm(`Throttles${sanitize(name)}`, {
        metric: fn.function.metricThrottles({ period: FIVE_MINUTES, statistic: Stats.SUM }),
        threshold: 1,
        description: `${fn.function.node.path} was throttled: the account's concurrency is exhausted (API callers get errors) or, for a job or sender, its reserved concurrency was hit by a second run. Check ConcurrentExecutions in the account.`,
      });
    }

    // Jobs and background functions: errors, alerts not sent, parked events
    for (const [name, fn] of Object.entries({ ...props.jobs, ...props.backgroundFunctions })) {
      alarm(`${sanitize(name)}Errors`, {
        metric: fn.function.metricErrors({ period: FIVE_MINUTES, statistic: Stats.SUM }),
        threshold: 1,
        description: `${name} failed (the invocation threw or timed out): check its log group. Lambda retries it; alerts not sent are retried by the next run.`,
      });
    }
    for (const { name } of jobs.filter((job) => job.alerts)) {
      alarm(`${sanitize(name)}AlertsNotSent`, {
        metric: new Metric({ namespace: METRICS_NAMESPACE, metricName: ALERTS_NOT_SENT, dimensionsMap: { service: SERVICE, job: name }, period: HOUR, statistic: Stats.SUM }),
        threshold: 1,
        description: `A run of ${name} could not send some alerts (GET /alerts?status=RETRY or FAILED, lastError says why). Transient ones go again with the next run.`,
      });
    }
    alarm('AlertsFailed', {
      metric: new Metric({ namespace: METRICS_NAMESPACE, metricName: ALERTS_FAILED, dimensionsMap: { service: SERVICE }, period: HOUR, statistic: Stats.SUM }),
      threshold: 1,
      description:
        'An alert ended FAILED: rejected, bounced for good, refused by the recipient-domain rule, 5 attempts, or unconfirmed after a run stopped. Someone did not get a deadline notice: GET /alerts?status=FAILED, lastError says why.',
    });
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(`${sanitize(name)}DeadLetters`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: Stats.MAXIMUM }),
        threshold: 1,
        description: `${name}: an event or message failed all its retries and waits in the dead-letter queue for a person (inspect, then redrive).`,
      });
    }

    // DynamoDB
    alarm('TableThrottles', {
      metric: props.table.metricThrottledRequestsForOperations({ operations: tableOperations, period: FIVE_MINUTES }),
      threshold: 5,
      description:
        'DynamoDB throttled 5 or more requests in five minutes. The table is on demand, so this is a hot partition or traffic above twice its previous peak; the SDK retries, but users see latency and 503s. Check which operation in the metrics.',
    });
    alarm('TableSystemErrors', {
      metric: props.table.metricSystemErrorsForOperations({ operations: tableOperations, period: FIVE_MINUTES }),
      threshold: 1,
      evaluationPeriods: 2,
      description: 'DynamoDB answered with internal errors in two consecutive five-minute periods: an AWS-side problem. Check the AWS Health Dashboard for ap-southeast-3.',
    });

    // SES reputation (account-wide: what AWS reviews)
    const sesRate = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, period: HOUR, statistic: Stats.MAXIMUM });
    alarm('SesBounceRate', {
      metric: sesRate('Reputation.BounceRate'),
      threshold: 0.02,
      description:
        'The SES bounce rate reached 2% (AWS advises staying below 2% and reviews the account at 5%, pausing sending at 10%). Contact addresses of agreements or employees are stale: GET /alerts?status=FAILED lists the bounced alerts.',
    });
    alarm('SesComplaintRate', {
      metric: sesRate('Reputation.ComplaintRate'),
      threshold: 0.0005,
      description:
        'The SES complaint rate reached 0.05%, half of the 0.1% at which AWS reviews the account. Recipients mark alerts as spam: check who receives which alert and how often.',
    });

    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) });
    const functionMetric = (metric: (fn: ApiFunction) => IMetric) => Object.values(allFunctions).map(metric);
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: monitoring.alarms, width: 24 }),
      new GraphWidget({ title: 'API requests and errors', left: [requests, props.httpApi.metricClientError({ period: FIVE_MINUTES }), serverErrors], right: [errorRate], width: 12 }),
      new GraphWidget({ title: 'API latency p95 (ms)', left: [latency, props.httpApi.metricIntegrationLatency({ period: FIVE_MINUTES, statistic: Stats.percentile(95) })], width: 12 }),
      new GraphWidget({ title: 'Function throttles', left: functionMetric((fn) => fn.function.metricThrottles({ period: FIVE_MINUTES })), width: 12 }),
      new GraphWidget({ title: 'Function duration p95 (ms)', left: functionMetric((fn) => fn.function.metricDuration({ period: FIVE_MINUTES, statistic: Stats.percentile(95) })), width: 12 }),
      new GraphWidget({
        title: 'DynamoDB',
        left: [props.table.metricConsumedReadCapacityUnits({ period: FIVE_MINUTES }), props.table.metricConsumedWriteCapacityUnits({ period: FIVE_MINUTES })],
        right: [props.table.metricThrottledRequestsForOperations({ operations: tableOperations, period: FIVE_MINUTES })],
        width: 12,
      }),
      new GraphWidget({ title: 'Error log lines, failed alerts', left: [errorLogs], right: [new Metric({ namespace: METRICS_NAMESPACE, metricName: ALERTS_FAILED, dimensionsMap: { service: SERVICE }, period: HOUR, statistic: Stats.SUM })], width: 12 }),
      new GraphWidget({ title: 'SES reputation', left: [sesRate('Reputation.BounceRate'), sesRate('Reputation.ComplaintRate')], width: 12 }),
      new GraphWidget({
        title: 'Queues (visible messages)',
        left: Object.values(props.deadLetterQueues).map((queue) => queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES })),
        width: 12,
      }),
    );
  }
}

/** A construct id from a path or job name. */
function sanitize(name: string): string {
  return name.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase()).replace(/^./, (first) => first.toUpperCase());
}
