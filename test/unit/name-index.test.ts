import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstMatch, MAX_LATER_WORDS, nameIndexSteps, nameStarts } from '../../shared/training/repository/name-index.ts';
import type { Employee } from '../../shared/training/schemas.ts';

/** The keys repository/employees.ts passes: the employee's partition and their unit's key. */
const keysIn = (unitKey: string) => ({ partition: 'EMPLOYEE#198001012010011001', unitKey });
const employee = (name: string, unit = 'Dinas Kesehatan'): Employee => ({ nip: '198001012010011001', name, email: 'a@jakarta.go.id', unit, version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });

describe('an employee name in the search index', () => {
  it('starts at every word, as searched (case and accents aside), the whole name first', () => {
    expect(nameStarts('Sitì Nurhaliza')).toEqual(['siti nurhaliza', 'nurhaliza']);
    expect(nameStarts('Sutrisno')).toEqual(['sutrisno']);
  });

  it('gives no item to an initial or a one-letter title, to degrees after a comma, nor to what follows an apostrophe', () => {
    expect(nameStarts('Dr. H. Ahmad  Rahmat')).toEqual(['dr. h. ahmad rahmat', 'ahmad rahmat', 'rahmat']);
    expect(nameStarts('Budi Santoso, S.Kom., M.T.')).toEqual(['budi santoso, s.kom., m.t.', 'santoso, s.kom., m.t.']);
    expect(nameStarts("Ma'ruf Amin")).toEqual(["ma'ruf amin", 'amin']);
  });

  it('returns the profile (the whole name) first: an employee stored before later words were indexed is still found', () => {
    expect(nameStarts('Muhammad Mubarak').filter((entry) => firstMatch(entry, 'Muhammad Mubarak', 'mu'))).toEqual(['muhammad mubarak']);
    expect(nameStarts('Muhammad Mubarak').filter((entry) => firstMatch(entry, 'Muhammad Mubarak', 'mub'))).toEqual(['mubarak']);
  });

  it('indexes at most the whole name and MAX_LATER_WORDS later words', () => {
    expect(nameStarts(Array.from({ length: 30 }, (_, index) => `w${index}`).join(' '))).toHaveLength(MAX_LATER_WORDS + 1);
  });

  it('returns a name once for any start of a word of two letters or more, or of words in a row; never for text inside a word', () => {
    const word = fc.stringMatching(/^[a-z]{2,6}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (words, from, cut) => {
        const name = words.join(' ');
        const rest = words.slice(from % words.length).join(' ');
        const typed = rest.slice(0, 1 + (cut % rest.length));
        expect(nameStarts(name).filter((entry) => firstMatch(entry, name, typed))).toHaveLength(1);
      }),
    );
    expect(nameStarts('Sutrisno').filter((entry) => firstMatch(entry, 'Sutrisno', 'tris'))).toEqual([]);
  });

  it('writes the later words of a new name, and on a rename deletes those that went', () => {
    const kinds = (steps: ReturnType<typeof nameIndexSteps>) => steps.map((step) => ('Put' in step.item ? `put ${String(step.item.Put!.Item!.SK)}` : `delete ${String(step.item.Delete!.Key!.SK)}`));
    expect(kinds(nameIndexSteps(undefined, employee('Siti Rahmawati'), keysIn('UNIT#a')))).toEqual(['put NAME#rahmawati']);
    expect(nameIndexSteps(employee('Siti Rahmawati'), employee('Siti Rahmawati'), keysIn('UNIT#a'))).toEqual([]);
    expect(kinds(nameIndexSteps(employee('Siti Rahmawati'), employee('Siti Aminah'), keysIn('UNIT#a')))).toEqual(['put NAME#aminah', 'delete NAME#rahmawati']);
    // Each item is found in GSI3 by the name from its word on, within the partition of its first two letters.
    expect(nameIndexSteps(undefined, employee('Siti Rahmawati'), keysIn('UNIT#a'))[0]!.item.Put!.Item).toEqual({
      PK: 'EMPLOYEE#198001012010011001',
      SK: 'NAME#rahmawati',
      entity: 'EMPLOYEE_NAME',
      nip: '198001012010011001',
      name: 'Siti Rahmawati',
      unitKey: 'UNIT#a',
      GSI3PK: 'NAME#ra',
      GSI3SK: 'rahmawati#198001012010011001',
    });
    // A move to another unit writes the items again: each carries the unit for a search within it.
    expect(kinds(nameIndexSteps(employee('Siti Rahmawati'), employee('Siti Rahmawati', 'Dinas Sosial'), keysIn('UNIT#b')))).toEqual(['put NAME#rahmawati']);
  });
});
