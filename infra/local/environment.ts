import './quiet-sdk.ts';
import { resetSettings } from '../../shared/config.ts';
import { resetDb } from '../../shared/db/client.ts';

/** Points this process's handlers at a local engine and table (the local server, jobs, tests). */
export function useLocalDatabase(endpoint: string, tableName: string): void {
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.TABLE_NAME = tableName;
  process.env.AWS_REGION ??= 'ap-southeast-3';
  resetSettings();
  resetDb();
}
