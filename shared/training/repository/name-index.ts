import { tableName } from '../../db/client.ts';
import type { TransactStep } from '../../db/transactions.ts';
import { searchText } from '../../text.ts';
import type { Employee } from '../schemas.ts';

/**
 * Employees are found by the start of any word of their name, not only of the first: `rahayu`
 * finds `Sri Rahayu` and `ahmad` finds `Dr. H. Ahmad Fauzi`. The profile is indexed by the whole
 * name (GSI3, repository/employees.ts); each later word adds one small item holding the name from
 * that word on, in the same index, written in the employee's own transactions:
 *
 *   EMPLOYEE#<nip> / NAME#<rest>    GSI3 NAME#<first 2 letters of rest> / <rest>#<nip>
 *
 * So a search still reads one index partition from the typed start on, whatever the number of
 * employees. Each item carries the name, so that a name holding the typed start more than once is
 * returned once (firstMatch), without reading the profile first.
 */
export const NAME_PREFIX_LETTERS = 2;
export const namePartition = (folded: string) => `NAME#${folded.slice(0, NAME_PREFIX_LETTERS)}`;

/**
 * At most this many later words are indexed (a long name with its academic titles has a dozen):
 * a rename deletes and writes 2 × 10 items, which with the employee's moved yearly totals stays
 * within DynamoDB's 100 items per transaction.
 */
export const MAX_LATER_WORDS = 10;

/** The name (as searched) from each word on, the whole name first: a word starts at a letter or digit after anything else. */
export function nameStarts(name: string): string[] {
  const folded = searchText(name);
  const starts = [...folded.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu)].map((match) => match.index);
  return [...new Set([folded, ...starts.filter((start) => start > 0).map((start) => folded.slice(start))])].slice(0, MAX_LATER_WORDS + 1);
}

/**
 * Whether the index entry `entry` (one of `name`'s starts) is the one to return for `typed`: the
 * first of the name's starts, in index order, that begins with it. A name with the typed start
 * twice (`sri sri rahayu` for `sri`) is then returned once, even across pages.
 */
export function firstMatch(entry: string, name: string, typed: string): boolean {
  const folded = searchText(typed);
  if (!entry.startsWith(folded)) return false;
  return !nameStarts(name).some((other) => other < entry && other.startsWith(folded));
}

const nameKey = (nip: string, rest: string) => ({ PK: `EMPLOYEE#${nip}`, SK: `NAME#${rest}` });

/**
 * The steps that take the later-word items from `before` to `after` (absent: a creation).
 * Nothing when the name and unit are the same (the unit is on each item, for a search within a
 * unit); otherwise every item is written again and the ones that went are deleted.
 */
export function nameIndexSteps(before: Employee | undefined, after: Employee, unitKey: string): TransactStep[] {
  const later = (employee: Employee | undefined) => (employee ? nameStarts(employee.name).slice(1) : []);
  const old = later(before);
  const next = later(after);
  if (before && before.name === after.name && before.unit === after.unit) return [];
  return [
    ...next.map((rest) => ({
      item: {
        Put: {
          TableName: tableName(),
          Item: { ...nameKey(after.nip, rest), entity: 'EMPLOYEE_NAME', nip: after.nip, name: after.name, unitKey, GSI3PK: namePartition(rest), GSI3SK: `${rest}#${after.nip}` },
        },
      },
    })),
    ...old.filter((rest) => !next.includes(rest)).map((rest) => ({ item: { Delete: { TableName: tableName(), Key: nameKey(after.nip, rest) } } })),
  ];
}
