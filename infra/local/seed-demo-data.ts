import { createAgreement } from '../../shared/agreements/service.ts';
import { canonicalJson } from '../../shared/http/idempotency.ts';
import { demoAgreements } from './demo-data.ts';
import { seedTrainingDemo } from './seed-demo-training.ts';

/**
 * Loads the demo agreements, then the demo employees, trainings and programs, through the same use
 * cases as the API. Each carries an idempotency key derived from its demo key, so loading twice
 * changes nothing. Answers what was loaded, as a line to print.
 */
export async function seedDemoData(): Promise<string> {
  const ids = new Map<string, string>();
  for (const { key, parentKey, ...input } of demoAgreements) {
    const parentId = parentKey ? ids.get(parentKey) : undefined;
    const body = { ...input, ...(parentId ? { parentId } : {}) };
    const { agreement } = await createAgreement(body, {
      subject: 'demo-seed',
      now: new Date(),
      idempotency: { owner: 'demo-seed', operation: 'createAgreement', request: { key: `demo-${key}`, fingerprint: canonicalJson(body) } },
    });
    ids.set(key, agreement.id);
  }
  const training = await seedTrainingDemo(ids);
  return `${ids.size} agreements, ${training.employees} employees, ${training.trainings} trainings, ${training.programs} programs loaded`;
}
