/**
 * What runs when a file arrives in the store, by key prefix: one source for the S3 event
 * notifications CDK wires and for the local server, which invokes the same function module
 * (`functions/<entry>.ts`, export `handler`) with an S3Event after a PUT.
 */
export interface FileConsumer {
  prefix: string;
  /** The Lambda entry under functions/, without extension. */
  entry: string;
}

export const fileConsumers: readonly FileConsumer[] = [];

export function consumerOf(key: string): FileConsumer | undefined {
  return fileConsumers.find((consumer) => key.startsWith(consumer.prefix));
}
