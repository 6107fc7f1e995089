import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { isCountryCode, suggestCountryCode } from '../../shared/schemas/countries.ts';
import { countryCode, paragraphs, text } from '../../shared/schemas/common.ts';
import { isQuarterHours } from '../../shared/training/rules.ts';
import { withoutStorage } from '../../shared/db/items.ts';
import { keyText } from '../../shared/text.ts';

describe('country codes', () => {
  it('knows the 249 ISO 3166-1 codes and nothing else Intl names', () => {
    for (const code of ['ID', 'JP', 'GB', 'NL', 'SA', 'KR', 'US', 'AX', 'BQ']) expect(isCountryCode(code), code).toBe(true);
    for (const code of ['XA', 'XB', 'XK', 'EU', 'UN', 'QO', 'UK', 'ZZ', 'id', 'IDN']) expect(isCountryCode(code), code).toBe(false);
  });

  it('suggests the code for stand-ins, lower case and country names in English or Indonesian', () => {
    expect(suggestCountryCode('UK')).toBe('GB');
    expect(suggestCountryCode('jp')).toBe('JP');
    expect(suggestCountryCode('Japan')).toBe('JP');
    expect(suggestCountryCode(' Jepang ')).toBe('JP');
    expect(suggestCountryCode('Belanda')).toBe('NL');
    expect(suggestCountryCode('JPN')).toBeUndefined();
    expect(suggestCountryCode('Atlantis')).toBeUndefined();
  });

  it('never throws, whatever string it is given', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (value) => z.safeParse(countryCode, value).success === isCountryCode(value)));
  });
});

describe('text', () => {
  const line = text(20);
  it('trims and composes (NFC)', () => {
    expect(z.parse(line, '  Cafe\u0301 ')).toBe('Café');
  });

  it.each(['', '   ', '\u200b', '\u200b\u200d', 'a\u0000', 'a\u0010b', 'a\ud800', 'a\ue000', 'a\nb'])('refuses %j on one line', (value) => {
    expect(z.safeParse(line, value).success).toBe(false);
  });

  it('takes line breaks and tabs in paragraphs, not other controls', () => {
    expect(z.parse(paragraphs(100), 'satu\r\ndua\tiga')).toBe('satu\r\ndua\tiga');
    expect(z.safeParse(paragraphs(100), 'satu\u0007').success).toBe(false);
  });

  it('bounds the length after trimming', () => {
    expect(z.safeParse(line, `  ${'a'.repeat(20)}  `).success).toBe(true);
    expect(z.safeParse(line, 'a'.repeat(21)).success).toBe(false);
  });
});

describe('quarter hours', () => {
  it('are exactly the multiples of 0.25', () => {
    fc.assert(fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (quarters) => isQuarterHours(quarters / 4)));
    for (const value of [0.1, 1e-20, 5e-324, 1.0000000000000002, Number.NaN, Number.POSITIVE_INFINITY]) expect(isQuarterHours(value), String(value)).toBe(false);
  });
});

describe('storage helpers', () => {
  it('key text ignores case, spacing and composition', () => {
    expect(keyText('  Dinas   Kesehatan ')).toBe(keyText('dinas kesehatan'));
    expect(keyText('Cafe\u0301')).toBe(keyText('CAFÉ'));
    expect(keyText('NK/001/2026')).toBe('nk/001/2026');
  });

  it('strips keys, index keys, the entity tag and named extras, and nothing else', () => {
    const item = { PK: 'a', SK: 'b', GSI1PK: 'c', GSI1SK: 'd', GSI2PK: 'e', GSI2SK: 'f', GSI3PK: 'g', GSI3SK: 'h', entity: 'X', search: 's', name: 'n', version: 1 };
    expect(withoutStorage(item, ['search'])).toEqual({ name: 'n', version: 1 });
    expect(item.PK).toBe('a');
  });
});
