import type { Actor } from '../actor.ts';
import { writeOnce } from '../db/idempotency.ts';
import { tableName } from '../db/client.ts';
import type { TransactStep } from '../db/transactions.ts';
import type { AnnotationAction } from './annotation-actions.ts';
import { agreementKey, auditStep, requireAgreementRecord } from './repository.ts';
import type { AgreementRecord } from './rules.ts';
import type { AuditEntry } from './schemas.ts';

/** What a document or an activity changes on its agreement besides the audit entry. */
export interface AgreementEffect {
  /** Attributes set on the agreement (`signedDocuments`, `evaluation`). */
  set?: Partial<Pick<AgreementRecord, 'signedDocuments' | 'evaluation'>>;
  remove?: readonly ('evaluation' | 'signedDocuments')[];
}

/** A change beside an agreement: its own steps, the audit entry's action and changes, and the effect on the agreement. */
export interface Annotation<T> {
  result: T;
  steps: TransactStep[];
  action: AnnotationAction;
  changes: AuditEntry['changes'];
  effect?: AgreementEffect;
}

/** Raised when the agreement moved between its read and the write: the change is prepared again. */
class AgreementMoved extends Error {}

const ATTEMPTS = 8;

/**
 * Documents and activities live beside their agreement, but each change to them is one of the
 * agreement's versions: one transaction writes the change, bumps the agreement's version (kept
 * conditional on the version read, so a concurrent PATCH and this change never overwrite each
 * other), sets what the change sets on it, and adds the audit entry of that version. Closed
 * agreements take annotations too: a signed scan or a final report often arrives late.
 */
export async function annotate<T>(agreementId: string, actor: Actor, prepare: (agreement: AgreementRecord) => Promise<Annotation<T> | { result: T; unchanged: true }>): Promise<{ result: T; replayed: boolean }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writeOnce(actor.idempotency, actor.now, async () => {
        const agreement = await requireAgreementRecord(agreementId);
        const prepared = await prepare(agreement);
        // The agreement's step goes first: when it moved, the whole change is prepared again from fresh reads.
        if ('unchanged' in prepared) return { result: prepared.result, steps: [] };
        return { result: prepared.result, steps: [...annotationSteps(agreement, actor, prepared), ...prepared.steps] };
      });
    } catch (error) {
      if (!(error instanceof AgreementMoved) || attempt === ATTEMPTS) throw error;
    }
  }
}

function annotationSteps(agreement: AgreementRecord, actor: Pick<Actor, 'subject' | 'now'>, change: Pick<Annotation<unknown>, 'action' | 'changes' | 'effect'>): TransactStep[] {
  const version = agreement.version + 1;
  const at = actor.now.toISOString();
  const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt', '#updatedBy': 'updatedBy' };
  const values: Record<string, unknown> = { ':version': version, ':read': agreement.version, ':at': at, ':by': actor.subject };
  const sets = ['#version = :version', '#updatedAt = :at', '#updatedBy = :by'];
  for (const [field, value] of Object.entries(change.effect?.set ?? {})) {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  const removed = (change.effect?.remove ?? []).map((field) => {
    names[`#${field}`] = field;
    return `#${field}`;
  });
  const entry: AuditEntry = { version, at, by: actor.subject, action: change.action, changes: change.changes };
  return [
    {
      item: {
        Update: {
          TableName: tableName(),
          Key: agreementKey(agreement.id),
          UpdateExpression: `SET ${sets.join(', ')}${removed.length ? ` REMOVE ${removed.join(', ')}` : ''}`,
          ConditionExpression: '#version = :read',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      onConditionFailed: () => new AgreementMoved(),
    },
    auditStep(agreement.id, entry),
  ];
}
