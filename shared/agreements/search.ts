import { decodeCursor, encodeCursor, type Page } from '../db/cursor.ts';
import { keyOf, queryPage, type Key } from '../db/query.ts';
import { todayInJakarta } from '../time/calendar.ts';
import { getAgreementRecords } from './repository.ts';
import { toAgreement } from './rules.ts';
import type { Agreement } from './schemas.ts';
import { wordPartition } from './search-index.ts';
import { isHit, searchTerms } from './search-words.ts';

/** Index items read per request at most: a one-letter search in a huge registry answers with a cursor. */
const READ_BUDGET = 1000;
const ROUND = 100;

/**
 * Agreements whose title or number has a word starting with each word of `q`, ordered by the
 * matched word. Reads the index partition of the longest term's first letter, from the term on
 * (`begins_with`), never the registry; then the hits themselves (BatchGetItem, fresh status).
 */
export async function searchAgreements(query: { q: string; limit: number; cursor?: string }, now: Date): Promise<Page<Agreement>> {
  const terms = searchTerms(query.q);
  const first = terms[0];
  if (first === undefined) return { items: [] };
  const scope = `search:${terms.join(' ')}`;
  let start = query.cursor ? (decodeCursor(scope, query.cursor) as Key) : undefined;
  const hits: string[] = [];
  let next: Key | undefined;
  for (let read = 0; read < READ_BUDGET; read += ROUND) {
    const page = await queryPage(
      { index: 'GSI1', keyCondition: 'GSI1PK = :partition AND begins_with(GSI1SK, :term)', names: {}, values: { ':partition': wordPartition(first), ':term': first } },
      ROUND,
      start,
    );
    for (const item of page.items) {
      if (!isHit(item.word as string, item.words as string[], terms)) continue;
      hits.push(item.agreementId as string);
      if (hits.length === query.limit) {
        next = keyOf(item, 'GSI1');
        break;
      }
    }
    start = next ?? page.next;
    if (next || !page.next) break;
  }
  // The budget ran out before the page filled: continue from where the reading stopped.
  next ??= start;
  const today = todayInJakarta(now);
  const records = await getAgreementRecords(hits);
  return {
    items: records.filter((record) => !record.withdrawal).map((record) => toAgreement(record, today)),
    ...(next ? { nextCursor: encodeCursor(scope, next) } : {}),
  };
}
