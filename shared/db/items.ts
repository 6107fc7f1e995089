import { tableDefinition } from './table-definition.ts';

type Item = Record<string, unknown>;

/** The attributes only storage needs: keys, index keys and the entity tag. */
const storageAttributes = [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  'entity',
  ...tableDefinition.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
];

/** A stored item as the domain sees it: without storage attributes, nor the entity's own `extra` ones. */
export function withoutStorage(item: Item, extra: readonly string[] = []): Item {
  const copy = { ...item };
  for (const attribute of [...storageAttributes, ...extra]) delete copy[attribute];
  return copy;
}
