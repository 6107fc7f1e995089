import type { Actor, VersionPrecondition } from '../actor.ts';
import { writeOnce } from '../db/idempotency.ts';
import { ConflictError, StaleVersionError } from '../errors.ts';
import { todayInJakarta } from '../time/calendar.ts';
import { requireAgreementRecord, withdrawalSteps } from './repository.ts';
import { changesBetween, toAgreement, type AgreementRecord } from './rules.ts';
import type { Agreement } from './schemas.ts';

/**
 * Withdrawing a mistaken entry (entered twice, entered for the wrong partner): it is not deleted,
 * since its history is evidence, but it leaves every list, search, sweep and statistic and gives
 * its document number back. An agreements-admin restores it as it was (its number taken again,
 * a 409 if another entry has it meanwhile). Both are audited with who, when and why.
 */
export async function withdrawAgreement(id: string, reason: string, expectedVersion: VersionPrecondition, actor: Actor): Promise<Agreement> {
  return change(id, expectedVersion, actor, (before, at) => {
    if (before.withdrawal) throw new ConflictError(`Agreement ${id} is already withdrawn.`);
    if (before.lifecycle === 'RENEWED') throw new ConflictError(`Agreement ${id} was renewed by ${before.renewedBy}: withdraw the successor if it is the mistake, not the renewed record.`);
    return { ...before, withdrawal: { at, by: actor.subject, reason } };
  });
}

export async function restoreAgreement(id: string, expectedVersion: VersionPrecondition, actor: Actor): Promise<Agreement> {
  return change(id, expectedVersion, actor, (before) => {
    if (!before.withdrawal) throw new ConflictError(`Agreement ${id} is not withdrawn.`);
    const { withdrawal, ...restored } = before;
    return restored;
  });
}

async function change(id: string, expectedVersion: VersionPrecondition, actor: Actor, next: (before: AgreementRecord, at: string) => AgreementRecord): Promise<Agreement> {
  const { result } = await writeOnce(actor.idempotency, actor.now, async () => {
    const before = await requireAgreementRecord(id);
    if (expectedVersion !== 'any' && before.version !== expectedVersion) {
      throw new StaleVersionError(`Agreement ${id} is at version ${before.version}, not ${expectedVersion}; read it again.`);
    }
    const at = actor.now.toISOString();
    const after: AgreementRecord = { ...next(before, at), version: before.version + 1, updatedAt: at, updatedBy: actor.subject };
    const audit = { version: after.version, at, by: actor.subject, action: after.withdrawal ? ('WITHDRAWN' as const) : ('RESTORED' as const), changes: changesBetween(before, after) };
    return { result: toAgreement(after, todayInJakarta(actor.now)), steps: withdrawalSteps(before, after, audit) };
  });
  return result;
}
