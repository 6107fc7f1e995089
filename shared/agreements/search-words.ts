import { keyText } from '../text.ts';

/**
 * The words an agreement is found by, and the words of a search: text in its comparable form
 * (keyText: case, spacing, Unicode composition), without accents (`Kerjasama Pendidikan` and
 * `pendidikán` meet), split at anything that is not a letter or a digit, so that the number
 * `NK/001/BKSD/2026` is found by `nk 001`, `001/bksd` or `2026`.
 */
export function words(text: string): string[] {
  const folded = keyText(text).normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0).map((word) => [...word].slice(0, MAX_WORD_LENGTH).join(''));
}

/** Longer words are indexed by their start (in code points): enough to find them, and keys stay short. */
const MAX_WORD_LENGTH = 40;

/**
 * At most this many distinct words per agreement are indexed (the number's first, then the
 * title's in order): a change that replaces every word deletes and writes 2 × 40 items, which
 * with the agreement's own steps stays under DynamoDB's 100 items per transaction.
 */
export const MAX_INDEXED_WORDS = 40;

export function indexedWords(agreement: { title: string; number?: string }): string[] {
  return [...new Set([...words(agreement.number ?? ''), ...words(agreement.title)])].slice(0, MAX_INDEXED_WORDS);
}

/** The search's words, longest first: the first is the one the index is read by (the most selective). */
export function searchTerms(query: string): string[] {
  return [...new Set(words(query))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/**
 * Whether the index item of `word` (one of the agreement's `indexed` words), read for the first
 * term, is a hit to return: every term starts one of the agreement's words, and `word` is the
 * agreement's first word (in index order) that the first term starts, so an agreement with two
 * words beginning with the term (`pendidikan`, `pengembangan` for `pen`) is returned once, even
 * across pages.
 */
export function isHit(word: string, indexed: readonly string[], terms: readonly string[]): boolean {
  const [first, ...others] = terms;
  if (first === undefined || !word.startsWith(first)) return false;
  if (indexed.some((other) => other < word && other.startsWith(first))) return false;
  return others.every((term) => indexed.some((other) => other.startsWith(term)));
}
