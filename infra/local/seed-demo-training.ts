import type { Actor } from '../../shared/actor.ts';
import { canonicalJson } from '../../shared/http/idempotency.ts';
import { getStoredEmployee } from '../../shared/training/repository/employees.ts';
import { putParticipant } from '../../shared/training/programs/participants.ts';
import { createProgram } from '../../shared/training/programs/service.ts';
import { putEmployee } from '../../shared/training/service/employees.ts';
import { addTraining } from '../../shared/training/service/records.ts';
import { demoEmployees, demoPrograms, demoTrainings } from './demo-data-training.ts';

/** Each write keyed by its demo key, so that loading twice changes nothing. */
const actor = (operation: string, key: string, body: unknown): Actor => ({
  subject: 'demo-seed',
  now: new Date(),
  idempotency: { owner: 'demo-seed', operation, request: { key: `demo-${key}`, fingerprint: canonicalJson(body) } },
});

/** Loads the demo employees, trainings and programs through the API's use cases; `agreementIds` by demo key. */
export async function seedTrainingDemo(agreementIds: ReadonlyMap<string, string>) {
  for (const { nip, ...employee } of demoEmployees) {
    if (!(await getStoredEmployee(nip))) await putEmployee(nip, employee, undefined, { subject: 'demo-seed', now: new Date() });
  }
  for (const { key, nip, training } of demoTrainings) await addTraining(nip, training, actor('addTraining', key, training));
  for (const { key, agreementKey, program, internal, external } of demoPrograms) {
    const agreementId = agreementKey ? agreementIds.get(agreementKey) : undefined;
    const body = { ...program, ...(agreementId ? { agreementId } : {}) };
    const created = await createProgram(body, actor('createProgram', key, body));
    for (const { nip, ...details } of [...internal, ...external]) await putParticipant(created.id, nip, details, undefined, { subject: 'demo-seed', now: new Date() });
  }
  return { employees: demoEmployees.length, trainings: demoTrainings.length, programs: demoPrograms.length };
}
