import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { settings } from '../config.ts';

let client: DynamoDBDocumentClient | undefined;

/**
 * The one document client of a process. Short timeouts and few retries keep a request from
 * hanging when DynamoDB is away: the HTTP layer turns that into a 503 with Retry-After.
 */
export function db(): DynamoDBDocumentClient {
  if (!client) {
    const { DYNAMODB_ENDPOINT, AWS_REGION } = settings();
    const base = new DynamoDBClient({
      region: AWS_REGION,
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
      ...(DYNAMODB_ENDPOINT
        ? { endpoint: DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
    client = DynamoDBDocumentClient.from(base, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return client;
}

export function tableName(): string {
  return settings().TABLE_NAME;
}

/** Drop the cached client (tests point a process at another table or engine). */
export function resetDb(): void {
  client?.destroy();
  client = undefined;
}
