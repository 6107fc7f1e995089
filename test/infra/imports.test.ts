import { describe, expect, it } from 'vitest';
import { importWorkerActions } from '../../shared/training/imports/actions.ts';
import { synth, prodContext } from './support.ts';

const { stack, template, resources } = synth(prodContext);
const logicalId = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as never);
const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const statementsOfRole = (roleId: string) =>
  ofType('AWS::IAM::Policy')
    .filter(([, policy]) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
const actionsOf = (roleId: string) => statementsOfRole(roleId).flatMap((statement) => [statement.Action].flat());

describe('background imports on AWS', () => {
  const bucketId = logicalId(stack.files.bucket);
  const queueId = logicalId(stack.imports.queue);
  const workerRole = logicalId(stack.imports.worker.role);

  it('keeps rosters in a private, encrypted, versioned, TLS-only bucket that expires imports/ after 30 days', () => {
    const bucket = resources[bucketId]!.Properties;
    expect(bucket.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.LifecycleConfiguration.Rules).toContainEqual(expect.objectContaining({ Prefix: 'imports/', ExpirationInDays: 30, Status: 'Enabled' }));
    const policy = ofType('AWS::S3::BucketPolicy').find(([, found]) => found.Properties.Bucket.Ref === bucketId)![1];
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('sends every file created under imports/ to the imports queue, and only those', () => {
    const [, notifications] = ofType('Custom::S3BucketNotifications')[0]!;
    const queues = notifications.Properties.NotificationConfiguration.QueueConfigurations as { Events: string[]; Filter: unknown; QueueArn: unknown }[];
    expect(queues).toEqual([
      { Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'imports/' }] } }, QueueArn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
    ]);
  });

  it('feeds the workers from an encrypted queue with a dead-letter queue after 5 receipts, up to 40 chunks per invocation, at most 5 at once', () => {
    const queue = resources[queueId]!.Properties;
    expect(queue.SqsManagedSseEnabled).toBe(true);
    expect(queue.VisibilityTimeout).toBe(720);
    expect(queue.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [logicalId(stack.imports.deadLetters), 'Arn'] }, maxReceiveCount: 5 });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      BatchSize: 40,
      MaximumBatchingWindowInSeconds: 1,
      ScalingConfig: { MaximumConcurrency: 5 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('lets the worker do exactly its table actions, read imports/* and queue chunks, nothing else', () => {
    const actions = actionsOf(workerRole);
    expect(actions.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual(importWorkerActions.map((action) => `dynamodb:${action}`).sort());
    expect(actions.filter((action) => action.startsWith('s3:'))).toEqual(['s3:GetObject']);
    const s3 = statementsOfRole(workerRole).find((statement) => statement.Action === 's3:GetObject')!;
    expect(JSON.stringify(s3.Resource)).toContain('/imports/*');
    expect(actions.filter((action) => action.startsWith('sqs:')).sort()).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'].concat(actions.includes('sqs:ChangeMessageVisibility') ? ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:ReceiveMessage'] : []).sort());
  });

  it('lets the files function put rosters (the inline body and the upload URL), and the read and write functions nothing in the bucket', () => {
    const files = actionsOf(logicalId(stack.api.functions.files!.role)).filter((action) => action.startsWith('s3:'));
    expect(files).toContain('s3:PutObject');
    expect(actionsOf(logicalId(stack.api.functions.write!.role)).filter((action) => action.startsWith('s3:'))).toEqual([]);
    expect(actionsOf(logicalId(stack.api.functions.read!.role)).filter((action) => action.startsWith('s3:'))).toEqual([]);
  });

  it('alarms on worker errors and on chunks parked in the dead-letter queue', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([id]) => id);
    expect(alarms.some((id) => id.includes('ImportWorkerErrors'))).toBe(true);
    expect(alarms.some((id) => id.includes('ImportDeadLettersDeadLetters'))).toBe(true);
  });
});
