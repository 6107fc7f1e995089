import { createAgreement } from '../../shared/agreements/service.ts';
import { canonicalJson } from '../../shared/http/idempotency.ts';
import { demoAgreements } from './demo-data.ts';
import { seedDemoDocuments } from './seed-demo-documents.ts';
import { seedTrainingDemo } from './seed-demo-training.ts';

/** Attempts per agreement: a busy machine can make DynamoDB Local miss the API's 2 s timeout. */
const ATTEMPTS = 5;

/** A create retried after a timeout or a passing failure: its idempotency key makes the retry harmless. */
async function withRetries<T>(create: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await create();
    } catch (error) {
      const passing = ['TimeoutError', 'TransactionConflictException', 'ThrottlingException'].includes((error as Error).name);
      if (!passing || attempt === ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/**
 * Loads the demo agreements, then the demo employees, trainings and programs, through the same use
 * cases as the API. Each carries an idempotency key derived from its demo key, so loading twice
 * changes nothing (nor does retrying one). Answers what was loaded, as a line to print.
 */
export async function seedDemoData(): Promise<string> {
  const ids = new Map<string, string>();
  for (const { key, parentKey, ...input } of demoAgreements) {
    const parentId = parentKey ? ids.get(parentKey) : undefined;
    const body = { ...input, ...(parentId ? { parentId } : {}) };
    const { agreement } = await withRetries(() =>
      createAgreement(body, {
        subject: 'demo-seed',
        now: new Date(),
        idempotency: { owner: 'demo-seed', operation: 'createAgreement', request: { key: `demo-${key}`, fingerprint: canonicalJson(body) } },
      }),
    );
    ids.set(key, agreement.id);
  }
  await withRetries(() => seedDemoDocuments(ids));
  const training = await seedTrainingDemo(ids);
  return `${ids.size} agreements, ${training.employees} employees, ${training.trainings} trainings, ${training.programs} programs loaded`;
}
