import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { jobs } from '../../shared/alerts/job-table.ts';

const outdir = mkdtempSync(join(tmpdir(), 'jalin-cdk-jobs-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const { stack } = buildApp({ outdir, bundling: false, context: { senderEmail: 'jalin@jakarta.go.id', trainingAdminEmails: 'bpsdm@jakarta.go.id' } });
const template = Template.fromStack(stack);
const resources = (type: string) => Object.entries(template.findResources(type)) as [string, { Properties: any }][];
const logicalId = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as never);

describe('scheduled jobs', () => {
  it('has one rule per job, at 00:00 UTC (07:00 WIB), targeting its function with a dead-letter queue', () => {
    const rules = resources('AWS::Events::Rule');
    expect(rules).toHaveLength(jobs.length);
    for (const job of jobs) {
      const fnId = logicalId(stack.schedules.functions[job.name]!.function);
      const rule = rules.find(([, resource]) => resource.Properties.Targets[0].Arn['Fn::GetAtt'][0] === fnId);
      expect(rule, job.name).toBeDefined();
      expect(rule![1].Properties.ScheduleExpression).toBe(job.schedule);
      expect(job.schedule).toMatch(/^cron\(0 0 /);
      expect(rule![1].Properties.Targets[0].DeadLetterConfig).toBeDefined();
    }
  });

  it('retries failed invocations and parks them in the dead-letter queue', () => {
    const configs = resources('AWS::Lambda::EventInvokeConfig');
    expect(configs).toHaveLength(jobs.length);
    for (const [, config] of configs) {
      expect(config.Properties.MaximumRetryAttempts).toBe(2);
      expect(config.Properties.DestinationConfig.OnFailure.Destination).toBeDefined();
    }
  });

  it('alarms on job errors and on parked events', () => {
    const alarms = resources('AWS::CloudWatch::Alarm');
    expect(alarms.filter(([, alarm]) => alarm.Properties.MetricName === 'Errors')).toHaveLength(jobs.length);
    expect(alarms.filter(([, alarm]) => alarm.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')).toHaveLength(1);
    for (const [, alarm] of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it('lets each job send only as the configured sender, and use the table without Scan', () => {
    for (const job of jobs) {
      const roleId = logicalId(stack.schedules.functions[job.name]!.role);
      const statements = resources('AWS::IAM::Policy')
        .filter(([, policy]) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
        .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
      const ses = statements.filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith('ses:')));
      expect(ses, job.name).toHaveLength(1);
      expect(ses[0].Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'jalin@jakarta.go.id' } });
      expect(JSON.stringify(ses[0].Resource)).toContain('identity/jalin@jakarta.go.id');
      expect(JSON.stringify(ses[0].Resource)).not.toContain('*');
      const dynamo = statements.flatMap((statement) => [statement.Action].flat()).filter((action: string) => action.startsWith('dynamodb:'));
      expect(dynamo.sort()).toEqual(job.actions.map((action) => `dynamodb:${action}`).sort());
    }
  });

  it('configures the functions to send through SES with the stage settings', () => {
    for (const job of jobs) {
      const fnId = logicalId(stack.schedules.functions[job.name]!.function);
      const fn = template.toJSON().Resources[fnId];
      expect(fn.Properties.Environment.Variables).toMatchObject({ MAIL_TRANSPORT: 'ses', ALERT_SENDER: 'jalin@jakarta.go.id', TRAINING_ADMIN_EMAILS: 'bpsdm@jakarta.go.id' });
      expect(fn.Properties.Timeout).toBe(job.timeoutSeconds);
    }
  });
});
