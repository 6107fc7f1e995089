/**
 * After a 412: the version just read, with only the fields the person changed since the version
 * they started from put over it. What the other person changed, and this one did not, stays theirs.
 */
export function withMyChanges<Draft extends object>(seen: Draft, mine: Draft, current: Draft): Draft {
  const merged = { ...current };
  for (const key of Object.keys(mine) as (keyof Draft)[]) if (mine[key] !== seen[key]) merged[key] = mine[key];
  return merged;
}
