import { tableName } from '../db/client.ts';
import type { TransactStep } from '../db/transactions.ts';
import { indexedWords } from './search-words.ts';

/**
 * The search index: one small item per (agreement, word), written in the agreement's own
 * transactions, so that it is never out of step with the registry.
 *
 *   AGREEMENT#<id> / WORD#<word>                    the item (lives and dies with the agreement)
 *   GSI1  WORDS#<first letter> / <word>#<id>        read by `begins_with(<term>)`
 *
 * A prefix search is then a Query on one partition that reads only the words starting with the
 * term, whatever the size of the registry. Partitions by first letter spread the index (36 of
 * them) and keep each small. Each item carries the agreement's whole word list, so that the
 * other terms of a search are checked without reading the agreement. Withdrawn agreements have
 * no words: they are not found.
 */
/** By code point, so that a letter outside the BMP is never split into a lone surrogate. */
export const wordPartition = (word: string) => `WORDS#${[...word][0] ?? ''}`;
const wordKey = (agreementId: string, word: string) => ({ PK: `AGREEMENT#${agreementId}`, SK: `WORD#${word}` });

interface Indexed {
  id: string;
  title: string;
  number?: string;
  withdrawal?: unknown;
}

const wordsOf = (agreement: Indexed | undefined) => (agreement && !agreement.withdrawal ? indexedWords(agreement) : []);

/**
 * The steps that take the index from `before` to `after` (either absent: a creation, a removal).
 * Nothing when the words are the same; otherwise every current word is written again (each item
 * carries the whole list) and the words that went are deleted.
 */
export function searchIndexSteps(before: Indexed | undefined, after: Indexed | undefined): TransactStep[] {
  const old = wordsOf(before);
  const next = wordsOf(after);
  if (old.join('\n') === next.join('\n')) return [];
  const id = (after ?? before)!.id;
  const gone = old.filter((word) => !next.includes(word));
  return [
    ...next.map((word) => ({
      item: { Put: { TableName: tableName(), Item: { ...wordKey(id, word), entity: 'SEARCH_WORD', agreementId: id, word, words: next, GSI1PK: wordPartition(word), GSI1SK: `${word}#${id}` } } },
    })),
    ...gone.map((word) => ({ item: { Delete: { TableName: tableName(), Key: wordKey(id, word) } } })),
  ];
}
