import { Duration, Stack, type RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { fileConsumers } from '../shared/files/consumers.ts';
import { CHUNK_RECEIVES, CHUNKS_PER_CALL } from '../shared/training/imports/worker.ts';
import { deadLetterQueue } from './dead-letters.ts';
import { acknowledgeNotificationsHandler, type Files } from './files.ts';
import { ApiFunction, bindTable } from './lambda.ts';

export interface ImportsProps {
  table: ITableV2;
  files: Files;
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
}

const consumer = fileConsumers.find((candidate) => candidate.prefix === 'imports/')!;

/** Workers at once: ~16 batch writes each, so ~80 in flight, well inside on-demand DynamoDB's start. */
export const IMPORT_WORKERS = 5;
/** A call of 40 chunks (10,000 rows) takes seconds on DynamoDB (~9 s on the local engine); the rest is headroom for a throttled table. */
const WORKER_TIMEOUT_SECONDS = 120;

/**
 * Rosters imported in the background: S3 → SQS → Lambda workers (shared/training/imports/worker.ts).
 *
 * A file arriving under `imports/` is an S3 event on the imports queue; the worker that takes it
 * reads the header, counts the rows and queues one message per chunk of 250 rows on the same
 * queue; any free worker (at most IMPORT_WORKERS at once) takes up to 40 chunks, writes their rows and
 * records each chunk's outcome once (the checkpoint). A worker that dies or times out leaves its message
 * to come back after the visibility timeout; after 5 receipts it waits in the dead-letter queue
 * (alarmed). Chosen over a Step Functions distributed map: no state machine to pay per state
 * transition (~100 transitions per 50,000 rows would be cheap too, but its map reads the file
 * itself and needs its own result writer), the queue gives retries, a DLQ and a concurrency cap
 * for free, and locally the same worker code runs in-process behind the same S3 event.
 */
export class Imports extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly worker: ApiFunction;

  constructor(scope: Construct, id: string, props: ImportsProps) {
    super(scope, id);
    this.deadLetters = deadLetterQueue(this, 'the roster imports queue');
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the worker's timeout, as AWS advises for Lambda event sources.
      visibilityTimeout: Duration.seconds(6 * WORKER_TIMEOUT_SECONDS),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: CHUNK_RECEIVES },
    });

    this.worker = new ApiFunction(this, 'Worker', {
      handler: consumer.entry,
      description: 'Imports rosters in the background, chunk by chunk',
      timeoutSeconds: WORKER_TIMEOUT_SECONDS,
      logRetention: props.logRetention,
      logRemovalPolicy: props.logRemovalPolicy,
      environment: { IMPORTS_QUEUE_URL: this.queue.queueUrl },
    });
    bindTable(this.worker.function, props.table, consumer.tableActions);
    props.files.grantObjects(this.worker, [{ action: 'GetObject', prefix: consumer.prefix }]);
    this.queue.grantSendMessages(this.worker.function);
    // A worker takes up to CHUNKS_PER_CALL chunks at once and writes them in one call of the bulk writer.
    // More than 10 messages per batch needs a batching window; the chunks are queued at once, so it fills at once.
    this.worker.function.addEventSource(
      new SqsEventSource(this.queue, { batchSize: CHUNKS_PER_CALL, maxBatchingWindow: Duration.seconds(1), maxConcurrency: IMPORT_WORKERS, reportBatchItemFailures: true }),
    );

    props.files.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(this.queue), { prefix: consumer.prefix });
    acknowledgeNotificationsHandler(Stack.of(this));
  }
}
