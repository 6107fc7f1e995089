import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { RouteDefinition } from '../shared/http/route.ts';
import { routes } from '../shared/http/routes.ts';
import { Alarms } from './alarms.ts';
import { Api } from './api.ts';
import { Auth } from './auth.ts';
import { Console } from './console.ts';
import { Email } from './email.ts';
import { Files } from './files.ts';
import { Imports } from './imports.ts';
import { Monitoring } from './monitoring.ts';
import { Schedules } from './schedules.ts';
import type { StageConfig } from './stages.ts';
import { JalinTable } from './table.ts';

export interface JalinStackProps extends StackProps {
  config: StageConfig;
}

/** What a 5xx of each throttled (expensive) route means to an operator, for its alarm. */
const routeFailureMeaning: Record<string, string> = {
  'POST /trainings/import': 'a roster import ended FAILED. Rows written before the failure stay (each row is one transaction); re-importing the same file is harmless.',
};

/** One stage of Jalin: the table, the user pool, the file bucket, the API, email, the scheduled alert jobs, and their alarms. */
export class JalinStack extends Stack {
  readonly table: JalinTable;
  readonly auth: Auth;
  readonly files: Files;
  readonly imports: Imports;
  readonly api: Api;
  readonly email: Email;
  readonly schedules: Schedules;
  readonly monitoring: Monitoring;
  readonly alarms: Alarms;
  /** The staff console: S3 behind CloudFront, the API on its origin under /api/* (issue 13). */
  readonly console: Console;

  constructor(scope: Construct, id: string, props: JalinStackProps) {
    super(scope, id, props);
    const { config } = props;
    const logs = { logRetention: config.logRetention, logRemovalPolicy: config.removalPolicy };

    this.table = new JalinTable(this, 'Data', config.removalPolicy);
    this.email = new Email(this, 'Email', {
      table: this.table.table,
      senderEmail: config.senderEmail,
      recipientDomains: config.recipientDomains,
      sesSendRate: config.sesSendRate,
      ...logs,
    });
    this.auth = new Auth(this, 'Auth', {
      senderEmail: config.senderEmail,
      senderVerified: config.senderVerified,
      configurationSet: this.email.configurationSet,
      removalPolicy: config.removalPolicy,
    });
    this.files = new Files(this, 'Files', {
      table: this.table.table,
      removalPolicy: config.removalPolicy,
      accessLogRetention: config.accessLogRetention,
      ...logs,
    });
    this.imports = new Imports(this, 'Imports', { table: this.table.table, files: this.files, ...logs });
    // The console's client is created with the distribution in front of this API (its callbacks
    // are on the distribution's domain), so the authorizer learns its id when the template is written.
    const audience = [...this.auth.audience];
    this.api = new Api(this, 'Api', {
      table: this.table.table,
      issuer: this.auth.issuer,
      audience: Lazy.list({ produce: () => audience }),
      accessLogRetention: config.accessLogRetention,
      throttle: config.throttle,
      routeThrottles: config.routeThrottles,
      allowedOrigins: config.allowedOrigins,
      files: this.files,
      ...logs,
    });
    this.console = new Console(this, 'Console', {
      httpApi: this.api.httpApi,
      userPool: this.auth.userPool,
      issuer: this.auth.issuer,
      stage: config.stage,
      removalPolicy: config.removalPolicy,
      accessLogRetentionDays: config.accessLogRetention,
      logRetention: config.logRetention,
    });
    audience.push(this.console.client.userPoolClientId);
    this.files.allowBrowserOrigins([...config.allowedOrigins, this.console.url]);
    this.schedules = new Schedules(this, 'Jobs', {
      table: this.table.table,
      email: this.email,
      trainingAdminEmails: config.trainingAdminEmails,
      language: config.alertLanguage,
      ...logs,
    });

    this.monitoring = new Monitoring(this, 'Monitoring', { alarmEmails: config.alarmEmails, removalPolicy: config.removalPolicy });
    const routeRows = Object.entries(routes as Record<string, RouteDefinition>);
    this.alarms = new Alarms(this, 'Alarms', {
      monitoring: this.monitoring,
      httpApi: this.api.httpApi,
      apiFunctions: Object.values(this.api.functions),
      jobs: this.schedules.functions,
      backgroundFunctions: { 'email-sender': this.email.sender, 'ses-events': this.email.events, ...this.files.consumers, 'import-worker': this.imports.worker },
      deadLetterQueues: { 'Job dead letters': this.schedules.deadLetters, 'Email dead letters': this.email.deadLetters, 'File consumer dead letters': this.files.deadLetters, 'Import dead letters': this.imports.deadLetters },
      table: this.table.table,
      watchedRoutes: Object.keys(routeFailureMeaning).flatMap((routeKey) =>
        routeRows
          .filter(([, route]) => `${route.method} ${route.path}` === routeKey)
          .map(([id, route]) => ({ id, method: route.method, path: route.path, meaning: routeFailureMeaning[routeKey]! })),
      ),
    });

    new CfnOutput(this, 'AlarmTopicOutput', { key: 'AlarmTopicArn', value: this.monitoring.topic.topicArn });
    // What a client (the SPA, the CLI, a smoke test) and `npm run user` need.
    new CfnOutput(this, 'UserPoolIdOutput', { key: 'UserPoolId', value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientIdOutput', { key: 'UserPoolClientId', value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'ConsoleUrlOutput', { key: 'ConsoleUrl', value: this.console.url });
  }
}
