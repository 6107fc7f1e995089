import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { jobs, type JobDefinition } from '../../shared/alerts/job-table.ts';
import { fileConsumers } from '../../shared/files/consumers.ts';
import { build, prodContext } from './support.ts';

const { stack } = build(prodContext);
const template = Template.fromStack(stack);
const resources = (type: string) => Object.entries(template.findResources(type)) as [string, { Properties: any }][];
const logicalId = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as never);

describe('scheduled jobs', () => {
  const alertJobs = jobs.filter((job) => job.alerts);

  it('has one rule per job, alert jobs at 00:00 UTC (07:00 WIB), targeting its function with a dead-letter queue', () => {
    const rules = resources('AWS::Events::Rule').filter(([, rule]) => rule.Properties.ScheduleExpression);
    expect(rules).toHaveLength(jobs.length);
    for (const job of jobs) {
      const fnId = logicalId(stack.schedules.functions[job.name]!.function);
      const rule = rules.find(([, resource]) => resource.Properties.Targets[0].Arn['Fn::GetAtt'][0] === fnId);
      expect(rule, job.name).toBeDefined();
      expect(rule![1].Properties.ScheduleExpression).toBe(job.schedule);
      // Alerts go out at the start of the working day; the year opens at its first minute in Jakarta.
      expect(job.schedule).toMatch(job.alerts ? /^cron\(0 0 / : /^cron\(0 17 31 12 \? \*\)$/);
      expect(rule![1].Properties.Targets[0].DeadLetterConfig).toBeDefined();
    }
  });

  it('retries failed invocations and parks them in the dead-letter queue', () => {
    // The jobs' and the file consumers' (infra/files.ts): both are invoked asynchronously.
    const configs = resources('AWS::Lambda::EventInvokeConfig');
    expect(configs).toHaveLength(jobs.length + fileConsumers.filter((consumer) => consumer.delivery !== 'queue').length);
    for (const [, config] of configs) {
      expect(config.Properties.MaximumRetryAttempts).toBe(2);
      expect(config.Properties.DestinationConfig.OnFailure.Destination).toBeDefined();
    }
  });

  it('alarms on each job\'s errors and unsent alerts, and on parked events', () => {
    const alarms = resources('AWS::CloudWatch::Alarm');
    const dimension = (alarm: { Properties: any }, name: string) => alarm.Properties.Dimensions?.find((entry: { Name: string }) => entry.Name === name)?.Value;
    for (const job of jobs) {
      const fnId = logicalId(stack.schedules.functions[job.name]!.function);
      expect(alarms.filter(([, alarm]) => alarm.Properties.MetricName === 'Errors' && dimension(alarm, 'FunctionName')?.Ref === fnId), job.name).toHaveLength(1);
      expect(alarms.filter(([, alarm]) => alarm.Properties.MetricName === 'AlertsNotSent' && dimension(alarm, 'job') === job.name), job.name).toHaveLength(job.alerts ? 1 : 0);
    }
    // Dead letters of the jobs, of email, of the file consumers and of the import workers.
    expect(alarms.filter(([, alarm]) => alarm.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(4);
  });

  it('gives each job a reserved concurrency of one (a retry never runs beside its run)', () => {
    for (const job of jobs) {
      const fn = template.toJSON().Resources[logicalId(stack.schedules.functions[job.name]!.function)];
      expect(fn.Properties.ReservedConcurrentExecutions, job.name).toBe(1);
    }
  });

  it('lets each alert job send only as the configured sender, any other job not at all, and each use the table without Scan', () => {
    for (const job of jobs) {
      const roleId = logicalId(stack.schedules.functions[job.name]!.role);
      const statements = resources('AWS::IAM::Policy')
        .filter(([, policy]) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
        .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
      const dynamo = statements.flatMap((statement) => [statement.Action].flat()).filter((action: string) => action.startsWith('dynamodb:'));
      expect(dynamo.sort(), job.name).toEqual(job.actions.map((action) => `dynamodb:${action}`).sort());
      const ses = statements.filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith('ses:')));
      expect(ses, job.name).toHaveLength(job.alerts ? 1 : 0);
      if (!job.alerts) continue;
      expect(ses[0].Condition).toEqual({
        StringEquals: { 'ses:FromAddress': 'jalin@jakarta.go.id' },
        'ForAllValues:StringLike': { 'ses:Recipients': ['*@jakarta.go.id', '*@*.jakarta.go.id'] },
      });
      expect(JSON.stringify(ses[0].Resource)).toContain('configuration-set/');
      expect(JSON.stringify(ses[0].Resource)).toContain('identity/jalin@jakarta.go.id');
      expect(JSON.stringify(ses[0].Resource)).not.toContain('*');
    }
  });

  it('configures the alert jobs to send through SES with the stage settings', () => {
    for (const job of alertJobs) {
      const fnId = logicalId(stack.schedules.functions[job.name]!.function);
      const fn = template.toJSON().Resources[fnId];
      expect(fn.Properties.Environment.Variables).toMatchObject({
        ALERT_SENDER: 'jalin@jakarta.go.id',
        TRAINING_ADMIN_EMAILS: 'bpsdm@jakarta.go.id',
        RECIPIENT_DOMAINS: 'jakarta.go.id',
        SES_CONFIGURATION_SET: { Ref: expect.any(String) },
      });
      // Only the runs that fan out put their emails on the queue.
      expect(Boolean(fn.Properties.Environment.Variables.EMAIL_QUEUE_URL), job.name).toBe(Boolean((job as JobDefinition).fanOut));
      expect(fn.Properties.Timeout).toBe(job.timeoutSeconds);
    }
  });
});
