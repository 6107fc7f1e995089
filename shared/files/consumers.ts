import { DOCUMENTS_PREFIX } from '../agreements/documents/file-keys.ts';
import type { TableAction } from '../http/route.ts';
import { importWorkerActions } from '../training/imports/actions.ts';

/**
 * What runs when a file arrives in the store, by key prefix: one source for the S3 event
 * notifications CDK wires and for the local server, which invokes the same function module
 * (`functions/<entry>.ts`, export `handler`) with an S3Event after a PUT.
 */
export interface FileConsumer {
  prefix: string;
  /** The Lambda entry under functions/, without extension. */
  entry: string;
  /** Exactly the table actions it uses: its function's role holds these (infra/files.ts). */
  tableActions: readonly TableAction[];
  /**
   * `queue`: on AWS the bucket sends the prefix's events to the consumer's SQS queue (its own
   * construct wires it), not to the function directly. Locally the function is invoked all the same.
   */
  delivery?: 'queue';
}

export const fileConsumers: readonly FileConsumer[] = [
  // Uploaded agreement documents: checked (size, magic bytes), then AVAILABLE or REJECTED.
  { prefix: DOCUMENTS_PREFIX, entry: 'documents/check', tableActions: ['GetItem', 'PutItem', 'UpdateItem'] },
  // Rosters (shared/training/imports/): S3 → the imports queue → workers, chunk by chunk (infra/imports.ts).
  { prefix: 'imports/', entry: 'imports/worker', tableActions: importWorkerActions, delivery: 'queue' },
];

export function consumerOf(key: string): FileConsumer | undefined {
  return fileConsumers.find((consumer) => key.startsWith(consumer.prefix));
}
