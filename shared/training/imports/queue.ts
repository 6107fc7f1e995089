import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { S3Event, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { settings } from '../../config.ts';
import { objectKeysOf } from '../../files/events.ts';
import { log } from '../../log.ts';
import { fileArrived, inProcess, runChunks, type ChunkWork, type Dispatch } from './worker.ts';

const BATCH = 10;

/** On AWS each chunk is one message of the imports queue, taken by whichever worker is free. */
export function queueDispatch(queueUrl: string, client = new SQSClient({})): Dispatch {
  return async (work) => {
    for (let offset = 0; offset < work.length; offset += BATCH) {
      const batch = work.slice(offset, offset + BATCH);
      const output = await client.send(
        new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: batch.map((item, index) => ({ Id: String(index), MessageBody: JSON.stringify(item) })) }),
      );
      // A refused chunk must not vanish: the arrival fails and comes back; chunks already queued are harmless twice.
      if (output.Failed?.length) throw new Error(`The imports queue refused ${output.Failed.length} of ${batch.length} chunks (${output.Failed[0]!.Code}).`);
    }
  };
}

function configuredDispatch(): Dispatch {
  const queueUrl = settings().IMPORTS_QUEUE_URL;
  return queueUrl ? queueDispatch(queueUrl) : inProcess;
}

const isChunk = (body: unknown): body is ChunkWork => typeof body === 'object' && body !== null && 'importId' in body && 'chunk' in body;

/**
 * The consumer of `imports/` (shared/files/consumers.ts). Locally the server invokes it with the
 * S3 event of an upload; on AWS it reads the imports queue, whose messages are S3 events (a file
 * arrived) or chunks. A failed message is reported alone and comes back after its visibility timeout.
 */
export async function handleImportEvent(event: S3Event | SQSEvent): Promise<SQSBatchResponse> {
  const records = event.Records as (S3Event['Records'][number] | SQSEvent['Records'][number])[];
  if (records.every((record) => 'eventSource' in record && record.eventSource === 'aws:s3')) {
    for (const { key } of objectKeysOf(event as S3Event)) await fileArrived(key, configuredDispatch());
    return { batchItemFailures: [] };
  }
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  const failed = (error: unknown, messages: string[]) => {
    log('error', 'import message failed', { error: (error as Error).name, reason: (error as Error).message });
    failures.push(...messages.map((itemIdentifier) => ({ itemIdentifier })));
  };
  // Chunks of one import are written together (one writer call, bigger batches); the other messages one by one.
  const chunks = new Map<string, { chunks: number[]; messages: string[] }>();
  for (const message of (event as SQSEvent).Records) {
    try {
      const body = JSON.parse(message.body) as unknown;
      if (isChunk(body)) {
        const group = chunks.get(body.importId) ?? { chunks: [], messages: [] };
        group.chunks.push(body.chunk);
        group.messages.push(message.messageId);
        chunks.set(body.importId, group);
      }
      // S3 sends an s3:TestEvent (no Records) when the notification is configured: nothing to do.
      else if ((body as Partial<S3Event>).Records) await handleImportEvent(body as S3Event);
    } catch (error) {
      failed(error, [message.messageId]);
    }
  }
  for (const [importId, group] of chunks) {
    try {
      await runChunks(importId, group.chunks);
    } catch (error) {
      failed(error, group.messages);
    }
  }
  return { batchItemFailures: failures };
}
