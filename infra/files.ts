import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, type CfnBucket, BucketEncryption, EventType, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { fileConsumers } from '../shared/files/consumers.ts';
import { UPLOAD_EXPIRY_SECONDS } from '../shared/files/store.ts';
import type { ObjectAccess } from '../shared/http/route.ts';
import { deadLetterQueue } from './dead-letters.ts';
import { ApiFunction, bindTable } from './lambda.ts';

export interface FilesProps {
  table: ITableV2;
  /** RETAIN in prod: signed agreements are records of the agency. */
  removalPolicy: RemovalPolicy;
  /** How long the bucket's server access logs are kept: as long as the API's (they hold IP addresses). */
  accessLogRetention: RetentionDays;
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}

/** How long each kind of file is kept: exports are fetched at once, rosters are kept for a month of questions. */
const expiries = [
  { prefix: 'exports/', days: 7 },
  { prefix: 'imports/', days: 30 },
];

/**
 * The file store on AWS (shared/files/s3.ts): one private bucket for uploaded documents and
 * rosters and for large exports. Browsers reach it only through presigned URLs; nothing is public.
 *
 * - Encryption: S3-managed keys (SSE-S3). A customer-managed KMS key would add a key policy and a
 *   kms:Decrypt grant beside every s3:GetObject (presigned URLs are signed by the function's role)
 *   and a KMS call per upload and download, to protect against a reader who has the bucket but
 *   not the key, a separation this agency's IAM does not make; the server access logs must be
 *   SSE-S3 in any case.
 * - Versioned, with noncurrent versions kept 30 days: a deleted or overwritten document can be
 *   recovered for a month.
 * - TLS only (bucket policy), public access blocked, ACLs disabled (bucket owner enforced).
 * - Server access logs go to a second bucket, kept as long as the API's access logs.
 * - Each consumer of shared/files/consumers.ts is a function started by an S3 event
 *   notification for its prefix, retried twice, then parked in a dead-letter queue.
 */
export class Files extends Construct {
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;
  /** The consumer functions, by entry with `-` for `/` (`documents-check`). */
  readonly consumers: Record<string, ApiFunction> = {};
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: FilesProps) {
    super(scope, id);
    const retained = props.removalPolicy === RemovalPolicy.RETAIN;

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(props.accessLogRetention) }],
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: !retained,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives the server access logs of the files bucket; logging its own access would log the log deliveries.',
    });

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'files/',
      lifecycleRules: [
        ...expiries.map(({ prefix, days }) => ({ id: `expire-${prefix.slice(0, -1)}`, prefix, expiration: Duration.days(days) })),
        { id: 'noncurrent-versions', noncurrentVersionExpiration: Duration.days(30), expiredObjectDeleteMarker: true },
        { id: 'abandoned-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: !retained,
    });

    this.deadLetters = deadLetterQueue(this, 'the file consumers');
    // A consumer fed through a queue (the imports) is wired by its own construct (infra/imports.ts).
    for (const consumer of fileConsumers.filter((candidate) => candidate.delivery !== 'queue')) {
      const name = consumer.entry.replace(/\W/g, '-');
      const fn = new ApiFunction(this, name, {
        handler: consumer.entry,
        description: `Jalin: checks files arriving under ${consumer.prefix}`,
        timeoutSeconds: 60,
        logRetention: props.logRetention,
        logRemovalPolicy: props.logRemovalPolicy,
      });
      bindTable(fn.function, props.table, consumer.tableActions);
      this.grantObjects(fn, [{ action: 'GetObject', prefix: consumer.prefix }]);
      // Without ListBucket, S3 answers a missing object with 403, not 404: a late event for a deleted file would fail.
      fn.function.addToRolePolicy(
        new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn], conditions: { StringLike: { 's3:prefix': [`${consumer.prefix}*`] } } }),
      );
      fn.function.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(this.deadLetters) });
      this.bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn.function), { prefix: consumer.prefix });
      this.consumers[name] = fn;
    }
    acknowledgeNotificationsHandler(Stack.of(this));
  }

  /**
   * Lets a function use the file store: FILES_BUCKET, and exactly the object actions it declares
   * on `<prefix>*` (a presigned URL carries the rights of the role that signed it).
   */
  grantObjects(fn: ApiFunction, objects: readonly ObjectAccess[]): void {
    if (objects.length === 0) return;
    fn.function.addEnvironment('FILES_BUCKET', this.bucket.bucketName);
    const byAction = new Map<string, Set<string>>();
    for (const { action, prefix } of objects) byAction.set(action, (byAction.get(action) ?? new Set()).add(this.bucket.arnForObjects(`${prefix}*`)));
    for (const [action, resources] of [...byAction].sort(([a], [b]) => a.localeCompare(b))) {
      fn.function.addToRolePolicy(new PolicyStatement({ actions: [`s3:${action}`], resources: [...resources].sort() }));
    }
    const bucketId = Stack.of(this).resolve((this.bucket.node.defaultChild as CfnBucket).logicalId) as string;
    for (const prefix of new Set(objects.map((object) => object.prefix))) {
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`,
        reason: `Keys under ${prefix} are made per file by the server (agreement and file ids): the role may act on that prefix only, with exactly the object actions its routes or consumer declare.`,
      });
    }
  }

  /**
   * Lets browsers on these origins PUT uploads and GET downloads with presigned URLs: the stage's
   * `allowedOrigins` and the console's own distribution, which is built after this bucket, hence
   * a rule added once the console exists (infra/stack.ts).
   */
  allowBrowserOrigins(origins: string[]): void {
    this.bucket.addCorsRule({ allowedOrigins: origins, allowedMethods: [HttpMethods.PUT, HttpMethods.GET], allowedHeaders: ['content-type'], exposedHeaders: ['etag'], maxAge: UPLOAD_EXPIRY_SECONDS });
  }
}

const acknowledged = new WeakSet<object>();

/**
 * CDK writes bucket notifications through one stack-wide custom-resource function of its own
 * (inline code, its role made by CDK). Its findings are CDK's design, acknowledged with why.
 */
export function acknowledgeNotificationsHandler(stack: Stack): void {
  const handler = stack.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
  // One handler per stack, whoever adds notifications first (the files' consumers, the imports' queue).
  if (!handler || acknowledged.has(handler)) return;
  acknowledged.add(handler);
  Validations.of(handler).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: "CDK's bucket-notifications custom resource (aws-s3) creates its role with the basic execution policy; it runs only during deployments.",
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: "CDK's bucket-notifications custom resource needs s3:PutBucketNotification, which it grants on '*'; it runs only during deployments, on this stack's buckets.",
    },
  );
}
