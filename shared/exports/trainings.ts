import type { Training, trainingMethods } from '../training/schemas.ts';
import type { ExportDefinition } from './table.ts';

const methods: Record<(typeof trainingMethods)[number], string> = { CLASSICAL: 'Klasikal', NON_CLASSICAL: 'Nonklasikal' };

/** An employee's training records of a year: what they attach to a promotion or a performance review. */
export function trainingsExport(nip: string, year: number): ExportDefinition<Training> {
  return {
    filename: `pelatihan-${nip}-${year}`,
    tables: [
      {
        name: `Pelatihan ${year}`,
        columns: [
          { header: 'NIP', kind: 'text', width: 21 },
          { header: 'Nama Pelatihan', kind: 'text', width: 44 },
          { header: 'Penyelenggara', kind: 'text', width: 30 },
          { header: 'Metode', kind: 'text', width: 13 },
          { header: 'Tanggal Mulai', kind: 'date', width: 14 },
          { header: 'Tanggal Selesai', kind: 'date', width: 14 },
          { header: 'Jam Pelatihan', kind: 'number', width: 14 },
          { header: 'Tahun', kind: 'number', width: 8 },
          { header: 'Nomor Sertifikat', kind: 'text', width: 24 },
          { header: 'ID Kerja Sama', kind: 'text', width: 28 },
        ],
        rows: (training) => [
          [training.nip, training.title, training.provider, methods[training.method], training.startsOn, training.endsOn, training.hours, training.year, training.certificateNumber, training.agreementId],
        ],
      },
    ],
  };
}
