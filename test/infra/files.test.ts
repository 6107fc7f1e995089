import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { fileConsumers } from '../../shared/files/consumers.ts';
import type { RouteDefinition } from '../../shared/http/route.ts';
import { apiFunctionNames, apiFunctionOf } from '../../shared/http/layout.ts';
import { routes } from '../../shared/http/routes.ts';
import { ofType, prodContext, synth, type Resource } from './support.ts';

/**
 * The files bucket (infra/files.ts) in the prod template: private, encrypted, versioned, TLS only,
 * logged, CORS for the console only, lifecycle per prefix, a consumer per prefix of
 * shared/files/consumers.ts, and object grants exactly as the route rows declare them.
 */
const { stack, resources } = synth(prodContext);
/** The file store's buckets: not the console's (test/infra/console.test.ts). */
const buckets = ofType(resources, 'AWS::S3::Bucket').filter(([id]) => !id.startsWith('Console'));
const filesBucketId = stack.resolve((stack.files.bucket.node.defaultChild as CfnBucket).logicalId) as string;
const filesBucket = resources[filesBucketId]!;

/** The S3 statements of a function's role policy: action → resources (object ARNs joined to text). */
function s3Grants(functionPath: RegExp): Record<string, string[]> {
  const [, fn] = ofType(resources, 'AWS::Lambda::Function').find(([id]) => functionPath.test(id))!;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
  const policies = ofType(resources, 'AWS::IAM::Policy').filter(([, policy]) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId));
  const grants: Record<string, string[]> = {};
  for (const [, policy] of policies) {
    for (const statement of policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) {
      for (const action of [statement.Action].flat().filter((name) => name.startsWith('s3:'))) {
        grants[action] = [statement.Resource].flat().map((resource) => JSON.stringify(resource));
      }
    }
  }
  return grants;
}

const objectsOf = (prefix: string) => JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [filesBucketId, 'Arn'] }, `/${prefix}*`]] });

describe('the files bucket', () => {
  it('is private, S3-encrypted, versioned, owner-enforced, retained in prod', () => {
    const properties = filesBucket.Properties;
    expect(properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(properties.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }]);
    expect(properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(properties.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    expect(filesBucket.DeletionPolicy).toBe('Retain');
  });

  it('refuses requests without TLS', () => {
    const [, policy] = ofType(resources, 'AWS::S3::BucketPolicy').find(([, each]) => JSON.stringify(each.Properties.Bucket) === JSON.stringify({ Ref: filesBucketId }))!;
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('logs its access to a second private bucket, kept as long as the access logs of the API', () => {
    const logs = resources[filesBucket.Properties.LoggingConfiguration.DestinationBucketName.Ref] as Resource;
    expect(logs.Type).toBe('AWS::S3::Bucket');
    expect(logs.Properties.LifecycleConfiguration.Rules).toEqual([{ ExpirationInDays: 90, Status: 'Enabled' }]);
    expect(logs.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy).toBe(true);
    expect(buckets).toHaveLength(2);
  });

  it("lets the console origins PUT and GET, nothing else: the stage's and the console's own distribution", () => {
    const distributionOrigin = stack.resolve(stack.console.url);
    expect(filesBucket.Properties.CorsConfiguration.CorsRules).toEqual([
      { AllowedOrigins: [prodContext.allowedOrigins, distributionOrigin], AllowedMethods: ['PUT', 'GET'], AllowedHeaders: ['content-type'], ExposedHeaders: ['etag'], MaxAge: 900 },
    ]);
    expect(JSON.stringify(distributionOrigin)).toContain('DomainName');
  });

  it('expires exports after 7 days, imports after 30, noncurrent versions after 30', () => {
    const rules = filesBucket.Properties.LifecycleConfiguration.Rules as Record<string, unknown>[];
    expect(rules).toContainEqual(expect.objectContaining({ Prefix: 'exports/', ExpirationInDays: 7, Status: 'Enabled' }));
    expect(rules).toContainEqual(expect.objectContaining({ Prefix: 'imports/', ExpirationInDays: 30, Status: 'Enabled' }));
    expect(rules).toContainEqual(expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }));
    expect(rules).toContainEqual(expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }));
  });

  it('notifies each consumer of new objects under its prefix only', () => {
    const [, notifications] = ofType(resources, 'Custom::S3BucketNotifications')[0]!;
    const configurations = notifications.Properties.NotificationConfiguration.LambdaFunctionConfigurations as { Events: string[]; Filter: unknown }[];
    expect(configurations.map((configuration) => [configuration.Events, configuration.Filter])).toEqual(
      fileConsumers.filter((consumer) => consumer.delivery !== 'queue').map((consumer) => [['s3:ObjectCreated:*'], { Key: { FilterRules: [{ Name: 'prefix', Value: consumer.prefix }] } }]),
    );
  });
});

describe('who may do what in the bucket', () => {
  it('the document checker reads documents/ (and may learn that one is gone), nothing else', () => {
    const grants = s3Grants(/FilesdocumentscheckFunction/);
    expect(Object.keys(grants).sort()).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(grants['s3:GetObject']).toEqual([objectsOf('documents/')]);
  });

  it('FILES_BUCKET is given to the functions that use the store, and only to them', () => {
    for (const [id, fn] of ofType(resources, 'AWS::Lambda::Function')) {
      const uses = /FilesdocumentscheckFunction|ApifilesFunction|ApiexportFunction|ImportsWorkerFunction/.test(id);
      expect(fn.Properties.Environment?.Variables?.FILES_BUCKET, id).toEqual(uses ? { Ref: filesBucketId } : undefined);
    }
  });

  it('each API function holds exactly the object actions its rows declare, on their prefixes', () => {
    for (const name of apiFunctionNames) {
      const declared = Object.values(routes as Record<string, RouteDefinition>)
        .filter((route) => apiFunctionOf(route) === name)
        .flatMap((route) => route.objects ?? []);
      const expected: Record<string, string[]> = {};
      for (const { action, prefix } of declared) expected[`s3:${action}`] = [...new Set([...(expected[`s3:${action}`] ?? []), objectsOf(prefix)])].sort();
      const granted = s3Grants(new RegExp(`Api${name}Function`));
      expect(Object.fromEntries(Object.entries(granted).map(([action, list]) => [action, [...list].sort()])), name).toEqual(expected);
    }
    expect(s3Grants(/ApifilesFunction/)).toEqual({ 's3:DeleteObject': [objectsOf('documents/')], 's3:GetObject': [objectsOf('documents/')], 's3:PutObject': [objectsOf('documents/'), objectsOf('imports/')].sort() });
  });
});
