import { CfnOutput, type RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { Api } from './api.ts';
import { Auth } from './auth.ts';
import { Schedules } from './schedules.ts';
import { JalinTable } from './table.ts';

/** What differs between stages (dev, staging, prod): read from CDK context by infra/app.ts. */
export interface StageConfig {
  stage: string;
  logRetention: RetentionDays;
  /** Function and access logs: DESTROY with a throwaway stage, RETAIN where they are evidence. */
  logRemovalPolicy: RemovalPolicy;
  /** The verified SES identity the alert emails are sent from. */
  senderEmail: string;
  /** Who receives the monthly per-unit training summary. */
  trainingAdminEmails: string[];
  alertLanguage: 'id' | 'en';
}

export interface JalinStackProps extends StackProps {
  config: StageConfig;
}

/** One stage of Jalin: the table, the user pool, the API, and the scheduled alert jobs. */
export class JalinStack extends Stack {
  readonly table: JalinTable;
  readonly auth: Auth;
  readonly api: Api;
  readonly schedules: Schedules;

  constructor(scope: Construct, id: string, props: JalinStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.table = new JalinTable(this, 'Data');
    this.auth = new Auth(this, 'Auth');
    this.api = new Api(this, 'Api', {
      table: this.table.table,
      issuer: this.auth.issuer,
      audience: this.auth.audience,
      logRetention: config.logRetention,
      logRemovalPolicy: config.logRemovalPolicy,
    });

    this.schedules = new Schedules(this, 'Jobs', {
      table: this.table.table,
      senderEmail: config.senderEmail,
      trainingAdminEmails: config.trainingAdminEmails,
      language: config.alertLanguage,
      logRetention: config.logRetention,
      logRemovalPolicy: config.logRemovalPolicy,
    });
    new CfnOutput(this, 'AlarmTopicOutput', { key: 'AlarmTopicArn', value: this.schedules.alarmTopic.topicArn });

    // What a client (the SPA, the CLI, a smoke test) needs to get a token.
    new CfnOutput(this, 'UserPoolIdOutput', { key: 'UserPoolId', value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientIdOutput', { key: 'UserPoolClientId', value: this.auth.client.userPoolClientId });
  }
}
