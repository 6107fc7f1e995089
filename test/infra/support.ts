import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import { buildApp } from '../../infra/app.ts';

/** The feature flags of cdk.json, which `cdk synth` applies: the tests synthesize what is deployed. */
const cdkJsonContext = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }).context;

/** A complete prod configuration, as the deploy workflow passes it. */
export const prodContext = {
  stage: 'prod',
  account: '123456789012',
  senderEmail: 'jalin@jakarta.go.id',
  senderVerified: 'true',
  alarmEmails: 'ops@jakarta.go.id,oncall@jakarta.go.id',
  allowedOrigins: 'https://jalin.jakarta.go.id',
  recipientDomains: 'jakarta.go.id',
  trainingAdminEmails: 'bpsdm@jakarta.go.id',
};

/**
 * Builds the app without bundling (the template is what is under test) in a temporary cloud
 * assembly folder that is removed after the file's tests.
 */
export function build(context: Record<string, unknown> = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'jalin-cdk-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  return buildApp({ outdir, bundling: false, context: { ...cdkJsonContext, ...context } });
}

/** Builds and synthesizes (cdk-nag runs: a finding throws). */
export function synth(context: Record<string, unknown> = {}) {
  const built = build(context);
  const template = Template.fromStack(built.stack);
  return { ...built, template, resources: template.toJSON().Resources as Record<string, Resource> };
}

export type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string; DependsOn?: string[] };

export const ofType = (resources: Record<string, Resource>, type: string): [string, Resource][] =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);

/**
 * What CDK adds to run during deployments only, with its own runtime, role and logs, which Jalin's
 * rules for its functions do not cover: the writer of a bucket's event notifications, the console's
 * BucketDeployment (infra/console.ts) and, on throw-away stages, the emptier of auto-deleted buckets.
 * Their functions, roles and policies share these logical id prefixes; each is acknowledged where it is made.
 */
const cdkDeployHelpers = ['BucketNotificationsHandler', 'CustomCDKBucketDeployment', 'CustomS3AutoDeleteObjects'];
export const isCdkDeployHelper = ([logicalId]: [string, unknown]) => cdkDeployHelpers.some((prefix) => logicalId.startsWith(prefix));
