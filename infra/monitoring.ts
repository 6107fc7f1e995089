import { Duration, Stack, type RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface MonitoringProps {
  /** Who the alarms reach: one email subscription each (from the stage config). */
  alarmEmails: string[];
  removalPolicy: RemovalPolicy;
}

export interface AlarmSpec {
  metric: IMetric;
  threshold: number;
  /** What is wrong and what to look at: it is the text the operator reads in the email. */
  description: string;
  comparison?: ComparisonOperator;
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
}

/**
 * The path from an alarm to a person: alarm → SNS topic → email. The topic is encrypted with a
 * customer-managed key whose policy lets CloudWatch use it (CloudWatch cannot use the AWS-managed
 * `alias/aws/sns` key, so alarms on such a topic are silently dropped), and the topic's policy
 * allows CloudWatch alarms of this account, and only those, to publish.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly key: Key;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { account, region, partition } = Stack.of(this);
    const fromThisAccountsAlarms = {
      StringEquals: { 'aws:SourceAccount': account },
      ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
    };

    this.key = new Key(this, 'AlarmTopicKey', {
      description: 'Jalin alarm topic: lets CloudWatch publish encrypted alarm notifications',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
      pendingWindow: Duration.days(7),
    });
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToTheTopic',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );

    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: 'Jalin alarms',
      enforceSSL: true,
      masterKey: this.key,
    });
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisAccount',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: fromThisAccountsAlarms,
      }),
    );
    for (const address of props.alarmEmails) this.topic.addSubscription(new EmailSubscription(address));
  }

  /** An alarm that notifies the topic, and its return to OK too (so a closed incident is visible). */
  alarm(scope: Construct, id: string, spec: AlarmSpec): Alarm {
    const alarm = new Alarm(scope, id, {
      alarmDescription: spec.description,
      metric: spec.metric,
      threshold: spec.threshold,
      evaluationPeriods: spec.evaluationPeriods ?? 1,
      datapointsToAlarm: spec.datapointsToAlarm ?? spec.evaluationPeriods ?? 1,
      comparisonOperator: spec.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means nothing happened (no requests, no failures): not an incident.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
    return alarm;
  }
}
