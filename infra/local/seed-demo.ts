import { parseArgs } from 'node:util';
import { useLocalDatabase } from './environment.ts';
import { seedDemoData } from './seed-demo-data.ts';

/** `npm run seed-demo`: loads the demo data into the DynamoDB Local that `npm start` runs. */
const { values } = parseArgs({ options: { 'dynamodb-port': { type: 'string', default: process.env.DYNAMODB_PORT ?? '8600' } } });
useLocalDatabase(`http://127.0.0.1:${values['dynamodb-port']}`, process.env.TABLE_NAME ?? 'jalin');
try {
  console.log(`demo data: ${await seedDemoData()} agreements loaded`);
} catch (error) {
  if ((error as { code?: string }).code === 'ECONNREFUSED' || (error as Error).name === 'TimeoutError') {
    console.error('No local DynamoDB answers: start the API first with `npm start` (or use `npm start -- --demo`).');
    process.exit(1);
  }
  throw error;
}
