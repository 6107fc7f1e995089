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
    const { DYNAMODB_ENDPOINT, AWS_REGION, DYNAMODB_REQUEST_TIMEOUT_MS } = settings();
    const base = new DynamoDBClient({
      region: AWS_REGION,
      // Worst case about 2 × 2 s (the default), well inside the 10 s Lambda timeout, so that a slow
      // or absent DynamoDB becomes our 503 with Retry-After rather than API Gateway's bare 500.
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: DYNAMODB_REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
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
