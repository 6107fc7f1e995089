import { expect, it } from 'vitest';
import { withMyChanges } from '../src/forms/reapply.ts';

it('puts only the fields I changed over the version just read', () => {
  const seen = { name: 'Budi', unit: 'Dinas Kesehatan', email: 'budi@jakarta.go.id' };
  const mine = { ...seen, name: 'Budi Santoso' };
  const current = { ...seen, unit: 'Dinas Pendidikan' };
  expect(withMyChanges(seen, mine, current)).toEqual({ name: 'Budi Santoso', unit: 'Dinas Pendidikan', email: 'budi@jakarta.go.id' });
  expect(current.name).toBe('Budi');
});
