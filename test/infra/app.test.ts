import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type BuildAppOptions } from '../../infra/app.ts';

/** Stage settings come from CDK context (`cdk deploy -c stage=prod`). Nothing is synthesized here. */

const outdirs: string[] = [];
function build(context: BuildAppOptions['context'] = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'jalin-cdk-app-'));
  outdirs.push(outdir);
  return buildApp({ outdir, bundling: false, context });
}

afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

describe('buildApp', () => {
  it('defaults to the dev stage: a month of logs, removed with the stack', () => {
    const { stack, config } = build();
    expect(stack.stackName).toBe('Jalin-dev');
    expect(config).toEqual({
      stage: 'dev',
      logRetention: RetentionDays.ONE_MONTH,
      logRemovalPolicy: RemovalPolicy.DESTROY,
      senderEmail: 'jalin-dev@example.com',
      trainingAdminEmails: ['jalin-dev@example.com'],
      alertLanguage: 'id',
    });
  });

  it('keeps prod logs for a year, and keeps them when the stack goes', () => {
    const { stack, config } = build({ stage: 'prod' });
    expect(stack.stackName).toBe('Jalin-prod');
    expect(config.logRetention).toBe(RetentionDays.ONE_YEAR);
    expect(config.logRemovalPolicy).toBe(RemovalPolicy.RETAIN);
  });

  it('takes a log retention and a sender address from context', () => {
    const { config } = build({ stage: 'staging', logRetentionDays: '90', senderEmail: 'jalin@example.go.id' });
    expect(config.logRetention).toBe(RetentionDays.THREE_MONTHS);
    expect(config.senderEmail).toBe('jalin@example.go.id');
  });

  it('refuses a stage name that cannot be part of a stack name', () => {
    expect(() => build({ stage: 'Prod Stage' })).toThrow(/stage/);
  });

  it('refuses a retention CloudWatch does not offer', () => {
    expect(() => build({ logRetentionDays: 31 })).toThrow(/logRetentionDays/);
  });

  it('skips bundling when asked (tests need the template, not the bundles)', () => {
    const { app } = build();
    expect(app.node.tryGetContext('aws:cdk:bundling-stacks')).toEqual([]);
  });
});
