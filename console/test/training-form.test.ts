import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trainingBody } from '../../shared/training/schemas.ts';
import { emptyTrainingDraft, trainingBodyOf } from '../src/forms/training-draft.ts';
import { fieldIssues } from '../src/forms/validation.ts';

const complete = { ...emptyTrainingDraft, title: 'Pelatihan Uji', provider: 'BPSDM', startsOn: '2026-12-01', endsOn: '2026-12-02', hours: '7,5' };

describe('the add-training form as the API reads it', () => {
  it('takes hours with a decimal comma or point, the same number either way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4000 }), (quarters) => {
        const hours = quarters / 4;
        const [whole, fraction] = String(hours).split('.');
        const comma = trainingBodyOf({ ...complete, hours: fraction ? `${whole},${fraction}` : whole! });
        expect(comma.hours).toBe(hours);
        expect(trainingBodyOf({ ...complete, hours: String(hours) }).hours).toBe(hours);
      }),
    );
  });

  it('sends what is not a plain decimal as typed, so the schema names it; leaves out empty optional fields', () => {
    expect(trainingBodyOf({ ...complete, hours: '1e1' }).hours).toBe('1e1');
    expect(trainingBodyOf({ ...complete, hours: ' ' })).not.toHaveProperty('hours');
    expect(Object.keys(trainingBodyOf(complete)).sort()).toEqual(['endsOn', 'hours', 'method', 'provider', 'startsOn', 'title']);
    expect(trainingBodyOf({ ...complete, certificateNumber: 'SERT/1', agreementId: ' abc ' })).toMatchObject({ certificateNumber: 'SERT/1', agreementId: 'abc' });
  });

  it("checks with the API's schema, in the API's words of the console's language", () => {
    expect(fieldIssues(trainingBody, trainingBodyOf(complete), 'id')).toEqual({});
    const empty = fieldIssues(trainingBody, trainingBodyOf(emptyTrainingDraft), 'id');
    expect(Object.keys(empty).sort()).toEqual(['endsOn', 'hours', 'provider', 'startsOn', 'title']);
    expect(empty.title).toBe('tidak boleh kosong');
    expect(fieldIssues(trainingBody, trainingBodyOf({ ...complete, hours: '0,3' }), 'en')).toEqual({ hours: 'must be a positive multiple of 0.25 (15 minutes)' });
    expect(fieldIssues(trainingBody, trainingBodyOf({ ...complete, hours: 'tujuh' }), 'id')).toEqual({ hours: 'harus berupa jumlah jam (angka)' });
    expect(fieldIssues(trainingBody, trainingBodyOf({ ...complete, endsOn: '2026-11-30' }), 'id')).toHaveProperty('endsOn');
  });
});
