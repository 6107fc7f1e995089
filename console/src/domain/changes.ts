/** The fields whose values differ between two versions of a resource (for the 412 page and history). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, ignore: readonly string[] = []): { field: string; from: unknown; to: unknown }[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => !ignore.includes(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((field) => ({ field, from: before[field], to: after[field] }));
}

/** A value as a person reads it in "field: before → after". */
export function displayValue(value: unknown, empty: string): string {
  if (value === undefined || value === null || value === '') return empty;
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item ? (item as { name?: string }).name ?? JSON.stringify(item) : String(item))).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
