import { describe, expect, it } from 'vitest';
import { countryName, figuresFromStatistics, type Namer, type Statistics } from '../src/domain/statistics.ts';
import { formatDate, formatNumber, type Language } from '../src/i18n/format.ts';
import { en, enumLabels, id, type MessageKey } from '../src/i18n/messages.ts';

/** The console's words without React, as `useI18n()` gives them. */
function namer(language: Language): Namer {
  const words = language === 'en' ? en : id;
  const labels: Record<string, string> = enumLabels[language];
  return {
    language,
    t: (key: MessageKey, values = {}) => words[key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      return typeof value === 'number' ? formatNumber(value, language) : (value ?? '');
    }),
    label: (value) => labels[value] ?? value,
    date: (date) => formatDate(date, language),
  };
}

/** The shape shared/agreements/statistics-rules.ts › periodStatistics answers. */
const part = (total: number, foreign: number) => ({
  total,
  byKind: { MOU: total - 3, SISTER_CITY: 2, PKS: 1 },
  byPartnerCategory: { PROVINCE: 3, FOREIGN_GOVERNMENT: foreign, UNIVERSITY: 1 },
  domestic: total - foreign,
  foreign,
  byCountry: { ID: total - foreign, JP: 1, TH: foreign - 1 },
  byField: { pariwisata: 4, Pendidikan: 2 },
});
const statistics: Statistics = {
  from: 2026,
  to: 2026,
  asOf: '2026-12-20',
  signed: part(12, 3),
  active: part(1234, 5),
  sisterCitiesActive: 2,
  renewals: 4,
  terminations: 1,
  expiredWithoutRenewal: 7,
};

describe('the year in figures from GET /agreements/statistics', () => {
  it('labels every total in words, never the API keys', () => {
    const { totals } = figuresFromStatistics(statistics, namer('id'));
    expect(totals.map((total) => [total.label, total.value])).toEqual([
      ['Berlaku pada 20 Desember 2026', 1234],
      ['Ditandatangani pada 2026', 12],
      ['Kota/provinsi kembar berlaku pada 20 Desember 2026', 2],
      ['Diperpanjang pada 2026', 4],
      ['Diakhiri pada 2026', 1],
      ['Berakhir tanpa perpanjangan pada 2026', 7],
    ]);
  });

  it('breaks the agreements in force down by kind, partner category, domestic/foreign, country and field, largest first', () => {
    const [active, signed] = figuresFromStatistics(statistics, namer('id')).groups;
    expect(active!.title).toBe('Kerja sama berlaku pada 20 Desember 2026');
    expect(signed!.title).toBe('Kerja sama ditandatangani pada 2026');
    const rows = Object.fromEntries(active!.breakdowns.map((breakdown) => [breakdown.title, breakdown.rows.map((row) => `${row.label}: ${row.count}`)]));
    expect(rows).toEqual({
      'Menurut jenis': ['Nota Kesepakatan (MoU): 1231', 'Kota/Provinsi Kembar: 2', 'Perjanjian Kerja Sama (PKS): 1'],
      'Menurut kategori mitra': ['Pemerintah asing: 5', 'Provinsi: 3', 'Perguruan tinggi: 1'],
      'Dalam dan luar negeri': ['Dalam negeri: 1229', 'Luar negeri: 5'],
      'Menurut negara mitra': ['Indonesia: 1229', 'Thailand: 4', 'Jepang: 1'],
      'Menurut bidang': ['pariwisata: 4', 'Pendidikan: 2'],
    });
  });

  it('speaks English when the console does, a span of years as one period', () => {
    const figures = figuresFromStatistics({ ...statistics, from: 2024 }, namer('en'));
    expect(figures.totals[1]!.label).toBe('Signed in 2024–2026');
    expect(figures.groups[0]!.breakdowns.find((breakdown) => breakdown.key === 'country')!.rows.map((row) => row.label)).toEqual(['Indonesia', 'Thailand', 'Japan']);
  });

  it('names countries in the UI language, an unknown code as itself', () => {
    expect(countryName('JP', 'id')).toBe('Jepang');
    expect(countryName('NL', 'en')).toBe('Netherlands');
    expect(countryName('XX', 'id')).toBe('XX');
  });
});
