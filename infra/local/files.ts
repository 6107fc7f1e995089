import type { Context, S3Event } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { consumerOf } from '../../shared/files/consumers.ts';
import { objectCreatedEvent } from '../../shared/files/events.ts';
import { localPath, onLocalFileWritten, writeAtomically } from '../../shared/files/local.ts';
import { readGrant, type FileGrant } from '../../shared/files/local-token.ts';
import { attachment } from '../../shared/files/store.ts';
import { problemResponse } from '../../shared/http/problem.ts';
import { redact } from '../../shared/log.ts';
import { lambdaContext, loadHandler } from './functions.ts';

type FileConsumerHandler = (event: S3Event, context: Context) => Promise<unknown>;

/** Consumers started by uploads and not yet finished: `close()` waits for them, as a test must. */
const running = new Set<Promise<void>>();

function refuse(response: ServerResponse, status: number, detail: string, instance: string): void {
  const { headers, body } = problemResponse(status, detail, { instance });
  response.writeHead(status, headers as Record<string, string>);
  response.end(body);
}

/**
 * `/files/{token}`: what S3 does for presigned URLs on AWS. A PUT must carry the content type and
 * exact length its grant names, and is kept only once complete; then the consumer of its key
 * prefix runs, as an S3 event notification would start it. A GET downloads under the granted name.
 */
export async function serveFile(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const grant = readGrant(url.pathname.slice('/files/'.length), Math.floor(Date.now() / 1000));
  if ('refused' in grant) return refuse(response, 403, grant.refused, '/files');
  if (request.method !== grant.method) return refuse(response, 405, `This link allows ${grant.method} only.`, '/files');
  return grant.method === 'PUT' ? receive(request, response, grant) : deliver(response, grant);
}

async function receive(request: IncomingMessage, response: ServerResponse, grant: FileGrant): Promise<void> {
  const declared = Number(request.headers['content-length']);
  if (request.headers['content-type'] !== grant.contentType) {
    request.resume();
    return refuse(response, 403, `The upload must be sent with content-type ${grant.contentType}.`, '/files');
  }
  if (declared !== grant.size) {
    request.resume();
    return refuse(response, 403, `The upload must be exactly ${grant.size} bytes (content-length).`, '/files');
  }
  await writeAtomically(localPath(grant.key), Readable.from(request));
  const { size } = await stat(localPath(grant.key));
  response.writeHead(200, { etag: `"${randomUUID()}"` });
  response.end();
  startConsumer(grant.key, size);
}

// A function writing into the store (an inline roster) starts the consumer as an upload does.
onLocalFileWritten(startConsumer);

function startConsumer(key: string, size: number): void {
  const consumer = consumerOf(key);
  if (!consumer) return;
  const run = loadHandler<FileConsumerHandler>(consumer.entry)
    .then((handler) => handler(objectCreatedEvent('local', key, size, new Date()), lambdaContext(consumer.entry, randomUUID())))
    .then(
      () => undefined,
      (error: unknown) => {
        // On AWS the async invocation is retried, then lands in the dead-letter queue; here it is logged.
        console.error(JSON.stringify({ level: 'error', message: 'file consumer failed', consumer: consumer.entry, error: (error as Error).name, reason: redact((error as Error).message) }));
      },
    );
  running.add(run);
  void run.finally(() => running.delete(run));
}

async function deliver(response: ServerResponse, grant: FileGrant): Promise<void> {
  const path = localPath(grant.key);
  const found = await stat(path).catch(() => undefined);
  if (!found) return refuse(response, 404, 'The file is no longer stored.', '/files');
  response.writeHead(200, {
    'content-type': grant.contentType ?? 'application/octet-stream',
    'content-length': found.size,
    'content-disposition': attachment(grant.filename ?? 'download'),
    'cache-control': 'private, no-store',
  });
  createReadStream(path).pipe(response);
}

/** Waits for the consumers that uploads started. */
export async function settleFileConsumers(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}
