import { queryAll } from '../db/query.ts';
import { keyText } from '../text.ts';
import { fromItem, REGISTRY_PARTITION } from './repository.ts';
import type { AgreementRecord } from './rules.ts';
import type { Warning } from './schemas.ts';

type Candidate = Pick<AgreementRecord, 'id' | 'kind' | 'title' | 'number' | 'partners' | 'startsOn' | 'endsOn' | 'lifecycle' | 'parentId'>;

/**
 * A likely duplicate of a new entry: an open agreement of the same kind with a partner of the same
 * name (case and spacing ignored) whose term overlaps. The kind counts because a PKS under its MoU
 * shares the partner and the dates by design; the parent itself is never a duplicate of its child.
 * Closed agreements are history, not duplicates. A warning, not a refusal: two agreements with
 * one partner over one period can be right (two PKS on different subjects).
 */
export function duplicateWarnings(draft: Candidate, existing: readonly Candidate[]): Warning[] {
  const partners = new Set(draft.partners.map((partner) => keyText(partner.name)));
  return existing
    .filter(
      (other) =>
        other.id !== draft.id &&
        other.id !== draft.parentId &&
        other.lifecycle === 'OPEN' &&
        other.kind === draft.kind &&
        other.startsOn <= draft.endsOn &&
        other.endsOn >= draft.startsOn &&
        other.partners.some((partner) => partners.has(keyText(partner.name))),
    )
    .map((other) => ({
      path: 'partners',
      message: `may duplicate agreement ${other.id} "${other.title}"${other.number ? ` (${other.number})` : ''}, with the same partner from ${other.startsOn} to ${other.endsOn}; withdraw one of them if it is`,
    }));
}

/**
 * The registry entries that could duplicate `draft`: those ending on or after its start (the key
 * condition on GSI1) and starting by its end, open, of its kind (filters). This reads the part of
 * the registry partition still running from the draft's start, never audit or training items.
 */
export async function possibleDuplicates(draft: Candidate): Promise<Warning[]> {
  const candidates: AgreementRecord[] = [];
  const query = {
    index: 'GSI1' as const,
    keyCondition: 'GSI1PK = :registry AND GSI1SK >= :from',
    filter: '#startsOn <= :to AND #kind = :kind AND #lifecycle = :open',
    names: { '#startsOn': 'startsOn', '#kind': 'kind', '#lifecycle': 'lifecycle' },
    values: { ':registry': REGISTRY_PARTITION, ':from': draft.startsOn, ':to': draft.endsOn, ':kind': draft.kind, ':open': 'OPEN' },
  };
  for await (const items of queryAll(query)) candidates.push(...items.map(fromItem));
  return duplicateWarnings(draft, candidates);
}
