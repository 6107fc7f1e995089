import { randomUUID } from 'node:crypto';
import { beforeAll, inject } from 'vitest';
import { ensureTable } from '../../infra/local/dynamodb.ts';
import { useLocalDatabase } from '../../infra/local/environment.ts';

/**
 * Gives the calling test file a fresh table of its own on the run's DynamoDB Local, created from
 * the same definition that CDK deploys, and points this process's handlers at it.
 */
export function useTestTable(): { endpoint: string; tableName: () => string } {
  const endpoint = inject('dynamoDbEndpoint');
  let tableName = '';
  beforeAll(async () => {
    tableName = `test-${randomUUID()}`;
    await ensureTable(endpoint, tableName);
    useLocalDatabase(endpoint, tableName);
  });
  return { endpoint, tableName: () => tableName };
}
