import { Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { ApiFunction } from '../../infra/lambda.ts';
import type { RouteDefinition } from '../../shared/http/route.ts';
import { routes } from '../../shared/http/routes.ts';
import { build, prodContext } from './support.ts';

/**
 * cdk-nag's AwsSolutions pack runs as a validation plugin on every synthesis: a finding that is
 * neither fixed nor acknowledged makes Template.fromStack (and `cdk synth`) throw.
 */

describe('cdk-nag AwsSolutions', () => {
  // Synthesizing the whole stack takes tens of seconds on a busy machine: a generous limit, not a speed check.
  it('finds nothing that is not fixed or acknowledged in dev', { timeout: 180_000 }, () => {
    expect(() => Template.fromStack(build().stack)).not.toThrow();
  });

  it('finds nothing that is not fixed or acknowledged in prod', { timeout: 180_000 }, () => {
    expect(() => Template.fromStack(build(prodContext).stack)).not.toThrow();
  });

  it('is really wired in: an unacknowledged finding fails the synthesis', { timeout: 180_000 }, () => {
    const { stack } = build();
    new Role(stack, 'Careless', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });
    expect(() => Template.fromStack(stack)).toThrow(/AwsSolutions-IAM4/);
  });
});

describe('acknowledgements', () => {
  const { app, stack } = build(prodContext);

  /** Every `Validations.of(x).acknowledge(...)` of the app: where, which rule, and why. */
  const acknowledgements = app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );

  it('are exactly the reviewed ones: adding one means adding it here, with its reason', () => {
    const publicRows = Object.entries(routes as Record<string, RouteDefinition>).filter(([, route]) => route.access === 'public');
    // Active tracing's X-Ray actions have no resource-level permissions: one acknowledgement per function role.
    const roles = app.node.findAll().filter((construct): construct is ApiFunction => construct instanceof ApiFunction).map((fn) => fn.role);
    expect(roles.length).toBeGreaterThan(0);
    const expected = [
      `${stack.auth.userPool.node.path} AwsSolutions-COG8`,
      ...roles.map((role) => `${role.node.path} AwsSolutions-IAM5[Resource::*]`),
      `${stack.email.deadLetters.node.path} AwsSolutions-SQS3`,
      ...publicRows.map(([id]) => `${stack.api.routes[id]!.node.path} AwsSolutions-APIG4`),
      `${stack.api.routes.notFound!.node.path} AwsSolutions-APIG4`,
      `${stack.schedules.deadLetters.node.path} AwsSolutions-SQS3`,
      `${stack.files.deadLetters.node.path} AwsSolutions-SQS3`,
      `${stack.imports.deadLetters.node.path} AwsSolutions-SQS3`,
      `${stack.files.accessLogs.node.path} AwsSolutions-S1`,
      // The roles that act in the file store, on their key prefix only (infra/files.ts).
      ...[stack.api.functions.files!, ...Object.values(stack.files.consumers)].map(
        (fn) => `${fn.role.node.path} AwsSolutions-IAM5[Resource::<${stack.resolve((stack.files.bucket.node.defaultChild as CfnBucket).logicalId)}.Arn>/documents/*]`,
      ),
      ...[stack.api.functions.export!].map(
        (fn) => `${fn.role.node.path} AwsSolutions-IAM5[Resource::<${stack.resolve((stack.files.bucket.node.defaultChild as CfnBucket).logicalId)}.Arn>/exports/*]`,
      ),
      ...[stack.api.functions.files!, stack.imports.worker].map(
        (fn) => `${fn.role.node.path} AwsSolutions-IAM5[Resource::<${stack.resolve((stack.files.bucket.node.defaultChild as CfnBucket).logicalId)}.Arn>/imports/*]`,
      ),
      // CDK's own custom resource that writes the bucket's event notifications.
      ...['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'AwsSolutions-IAM5[Resource::*]'].map(
        (id) => `${stack.node.path}/BucketNotificationsHandler050a0587b7544547bf325f094a3db834 ${id}`,
      ),
      // The console (infra/console.ts): its access-log bucket, and CloudFront without geo restriction, WAF or custom certificate.
      `${stack.console.node.path}/AccessLogs AwsSolutions-S1`,
      ...['CFR1', 'CFR2', 'CFR4'].map((id) => `${stack.console.distribution.node.path} AwsSolutions-${id}`),
      // CDK's own helper that copies the console's build into its bucket during deployments: CDK's role, grants and runtime.
      ...[
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => `AwsSolutions-IAM5[Action::${action}]`),
        'AwsSolutions-IAM5[Resource::*]',
        `AwsSolutions-IAM5[Resource::<${stack.resolve((stack.console.bucket.node.defaultChild as CfnBucket).logicalId)}.Arn>/*]`,
        ...['aws', '<AWS::Partition>'].map((partition) => `AwsSolutions-IAM5[Resource::arn:${partition}:s3:::cdk-hnb659fds-assets-123456789012-ap-southeast-3/*]`),
        'AwsSolutions-L1',
      ].map((id) => `${stack.node.path}/Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C512MiB ${id}`),
    ];
    expect(acknowledgements.map(({ path, id }) => `${path} ${id}`).sort()).toEqual(expected.sort());
  });

  it('each carry a specific reason', () => {
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { path, id, reason } of acknowledgements) {
      const where = `${id} on ${path}`;
      expect(reason.length, where).toBeGreaterThanOrEqual(60);
      expect(reason, where).not.toMatch(/^\s*(todo|tbd|n\/a|ok|fine|ignore|suppress|not needed|false positive)\b/i);
      expect(reason, where).not.toMatch(/lorem|fixme|xxx/i);
    }
  });

  it('are not acknowledged wholesale on the app or the stack', () => {
    for (const { path } of acknowledgements) {
      expect(path).not.toBe(app.node.path);
      expect(path).not.toBe(stack.node.path);
    }
  });
});
