import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { REGION } from '../../infra/stages.ts';
import { build, prodContext } from './support.ts';

/** Stage settings: infra/stages.ts, completed or overridden by CDK context. Nothing is synthesized here. */

describe('stages', () => {
  it('defaults to dev: Jakarta, a month of logs, destroyed whole with the stack', () => {
    const { stack, config } = build();
    expect(stack.stackName).toBe('Jalin-dev');
    expect(stack.region).toBe(REGION);
    expect(REGION).toBe('ap-southeast-3');
    expect(config).toMatchObject({
      stage: 'dev',
      production: false,
      logRetention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
      senderEmail: 'jalin-dev@example.com',
      recipientDomains: ['example.com'],
      alertLanguage: 'id',
      senderVerified: false,
    });
    expect(stack.terminationProtection).toBe(false);
  });

  it('builds prod from a complete config: pinned to its account, termination-protected, kept on deletion', () => {
    const { stack, config } = build(prodContext);
    expect(stack.stackName).toBe('Jalin-prod');
    expect(stack.account).toBe('123456789012');
    expect(stack.region).toBe(REGION);
    expect(stack.terminationProtection).toBe(true);
    expect(config.logRetention).toBe(RetentionDays.ONE_YEAR);
    expect(config.accessLogRetention).toBe(RetentionDays.THREE_MONTHS);
    expect(config.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(config.alarmEmails).toEqual(['ops@jakarta.go.id', 'oncall@jakarta.go.id']);
    expect(config.senderVerified).toBe(true);
  });

  it('refuses prod without its settings, naming every one that is missing', () => {
    expect(() => build({ stage: 'prod' })).toThrow(/senderEmail.*alarmEmails.*allowedOrigins.*recipientDomains.*trainingAdminEmails.*account/s);
    for (const key of ['account', 'senderEmail', 'alarmEmails', 'allowedOrigins', 'recipientDomains', 'trainingAdminEmails']) {
      const { [key as keyof typeof prodContext]: _missing, ...rest } = prodContext;
      expect(() => build(rest), key).toThrow(new RegExp(key));
    }
  });

  it('reads a stage from "stages" in cdk.json, and -c settings override it', () => {
    const { stage, ...file } = prodContext;
    const { config } = build({ stage, stages: { prod: { ...file, alarmEmails: ['a@jakarta.go.id'] } }, logRetentionDays: '90' });
    expect(config.alarmEmails).toEqual(['a@jakarta.go.id']);
    expect(config.logRetention).toBe(RetentionDays.THREE_MONTHS);
  });

  it('refuses values that would deploy something wrong', () => {
    expect(() => build({ stage: 'Prod Stage' })).toThrow(/stage/);
    expect(() => build({ logRetentionDays: 31 })).toThrow(/logRetentionDays/);
    expect(() => build({ ...prodContext, account: '1234' })).toThrow(/account/);
    expect(() => build({ ...prodContext, alarmEmails: 'not-an-address' })).toThrow(/alarmEmails/);
    expect(() => build({ ...prodContext, allowedOrigins: 'jalin.jakarta.go.id' })).toThrow(/allowedOrigins/);
    expect(() => build({ routeThrottles: { 'GET /nowhere': { rateLimit: 1, burstLimit: 1 } } })).toThrow(/routeThrottles/);
  });

  it('skips bundling when asked (tests need the template, not the bundles)', () => {
    const { app } = build();
    expect(app.node.tryGetContext('aws:cdk:bundling-stacks')).toEqual([]);
  });
});
