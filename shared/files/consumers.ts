import { DOCUMENTS_PREFIX } from '../agreements/documents/file-keys.ts';
import type { TableAction } from '../http/route.ts';

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
}

export const fileConsumers: readonly FileConsumer[] = [
  // Uploaded agreement documents: checked (size, magic bytes), then AVAILABLE or REJECTED.
  { prefix: DOCUMENTS_PREFIX, entry: 'documents/check', tableActions: ['GetItem', 'PutItem', 'UpdateItem'] },
];

export function consumerOf(key: string): FileConsumer | undefined {
  return fileConsumers.find((consumer) => key.startsWith(consumer.prefix));
}
