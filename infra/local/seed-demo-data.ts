import { createAgreement } from '../../shared/agreements/service.ts';
import { canonicalJson } from '../../shared/http/idempotency.ts';
import { demoAgreements } from './demo-data.ts';

/**
 * Loads the demo agreements through the same use cases as the API. Each carries an idempotency
 * key derived from its demo key, so loading twice changes nothing.
 */
export async function seedDemoData(): Promise<number> {
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
  return ids.size;
}
