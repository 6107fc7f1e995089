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
 * returned once (firstMatch), without reading the profile first. Academic degrees written after a
 * comma (`Budi Santoso, S.Kom., M.T.`) and words of one character (`H.`, an initial) get no item:
 * nobody searches by them, and they would crowd out the words people do search by.
 */
export const NAME_PREFIX_LETTERS = 2;
export const namePartition = (folded: string) => `NAME#${folded.slice(0, NAME_PREFIX_LETTERS)}`;

/**
 * At most this many later words are indexed: a rename deletes and writes 2 × 6 items, which leaves
 * room in DynamoDB's 100 items per transaction for the employee's moved yearly totals (about four
 * items a year).
 */
export const MAX_LATER_WORDS = 6;

/**
 * A word: letters and digits, with the apostrophes of names like Ma'ruf inside it. It starts
 * after anything else (a space, a period: `Dr.Ahmad` has two words).
 */
const WORD = /(?<![\p{L}\p{N}'’])[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;

/** The name (as searched) from each later word on, before any degrees after a comma, and the whole name first. */
export function nameStarts(name: string): string[] {
  const folded = searchText(name);
  const named = folded.split(',')[0]!;
  const later = [...named.matchAll(WORD)].filter((word) => word.index > 0 && word[0].length >= NAME_PREFIX_LETTERS).map((word) => folded.slice(word.index));
  return [folded, ...later.slice(0, MAX_LATER_WORDS)];
}

/**
 * Whether the index entry `entry` (one of `name`'s starts) is the one to return for `typed`: the
 * first of the name's starts that begins with it, the whole name first. A name with the typed
 * start twice (`sri sri rahayu` for `sri`) is then returned once, even across pages; and an
 * employee stored before later words were indexed is still found by the start of their name.
 */
export function firstMatch(entry: string, name: string, typed: string): boolean {
  const folded = searchText(typed);
  return nameStarts(name).find((start) => start.startsWith(folded)) === entry;
}

/** Where an employee's items live: their partition (repository/employees.ts owns the keys), and their unit's key. */
export interface NameIndexKeys {
  partition: string;
  unitKey: string;
}

/**
 * The steps that take the later-word items from `before` to `after` (absent: a creation).
 * Nothing when the name and unit are the same (the unit is on each item, for a search within a
 * unit); otherwise every item is written again and the ones that went are deleted.
 */
export function nameIndexSteps(before: Employee | undefined, after: Employee, { partition, unitKey }: NameIndexKeys): TransactStep[] {
  if (before && before.name === after.name && before.unit === after.unit) return [];
  const later = (employee: Employee | undefined) => (employee ? nameStarts(employee.name).slice(1) : []);
  const next = later(after);
  const key = (rest: string) => ({ PK: partition, SK: `NAME#${rest}` });
  return [
    ...next.map((rest) => ({
      item: {
        Put: {
          TableName: tableName(),
          Item: { ...key(rest), entity: 'EMPLOYEE_NAME', nip: after.nip, name: after.name, unitKey, GSI3PK: namePartition(rest), GSI3SK: `${rest}#${after.nip}` },
        },
      },
    })),
    ...later(before)
      .filter((rest) => !next.includes(rest))
      .map((rest) => ({ item: { Delete: { TableName: tableName(), Key: key(rest) } } })),
  ];
}
