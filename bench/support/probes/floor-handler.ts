import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

/**
 * The floor for cold starts: a handler that does one GetItem with the same SDK packages as Jalin
 * (client-dynamodb + lib-dynamodb), bundled with the same options. Like shared/db/client.ts it
 * creates its client on first use, so that both sides load modules and nothing more.
 */
let client: DynamoDBDocumentClient | undefined;

export const handler = async (event: { id: string }) => {
  client ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const { Item } = await client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: event.id, SK: 'ITEM' } }));
  return Item;
};
