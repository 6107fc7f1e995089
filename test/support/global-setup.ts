import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}

/** Starts one in-memory DynamoDB Local for the run (about 2 s) and stops it afterwards. */
export default async function setup(project: TestProject) {
  const engine = await startDynamoDbLocal();
  project.provide('dynamoDbEndpoint', engine.endpoint);
  return () => engine.stop();
}
