import type { Agreement } from '../agreements/schemas.ts';
import type { agreementKinds, agreementStatuses, partnerCategories } from '../agreements/schemas.ts';
import type { ExportDefinition } from './table.ts';

const kinds: Record<(typeof agreementKinds)[number], string> = {
  MOU: 'Nota Kesepakatan (MoU)',
  PKS: 'Perjanjian Kerja Sama (PKS)',
  LOI: 'Letter of Intent (LoI)',
  SISTER_CITY: 'Kota Kembar (Sister City)',
  ADDENDUM: 'Adendum',
  OTHER: 'Lainnya',
};

const statuses: Record<(typeof agreementStatuses)[number], string> = {
  PENDING: 'Belum berlaku',
  ACTIVE: 'Aktif',
  EXPIRED: 'Berakhir',
  TERMINATED: 'Diakhiri',
  RENEWED: 'Diperpanjang',
  WITHDRAWN: 'Ditarik',
};

const categories: Record<(typeof partnerCategories)[number], string> = {
  PROVINCE: 'Pemerintah Provinsi',
  REGENCY: 'Pemerintah Kabupaten',
  CITY: 'Pemerintah Kota',
  CENTRAL_GOVERNMENT: 'Pemerintah Pusat',
  FOREIGN_GOVERNMENT: 'Pemerintah Luar Negeri',
  FOREIGN_INSTITUTION: 'Lembaga Luar Negeri',
  PRIVATE: 'Swasta',
  UNIVERSITY: 'Perguruan Tinggi',
  OTHER: 'Lainnya',
};

/**
 * The registry as the bureau keeps it in Excel: one row per agreement (partners and fields
 * joined, so that the CSV says everything), and a second sheet with one row per partner, which is
 * what a pivot by partner category or country needs.
 */
export function agreementsExport(today: string): ExportDefinition<Agreement> {
  return {
    filename: `kerja-sama-${today}`,
    tables: [
      {
        name: 'Kerja Sama',
        columns: [
          { header: 'Nomor', kind: 'text', width: 24 },
          { header: 'Judul', kind: 'text', width: 50 },
          { header: 'Jenis', kind: 'text', width: 26 },
          { header: 'Status', kind: 'text', width: 14 },
          { header: 'Mitra', kind: 'text', width: 40 },
          { header: 'Nomor Pihak Mitra', kind: 'text', width: 24 },
          { header: 'Bidang', kind: 'text', width: 30 },
          { header: 'Tanggal Penandatanganan', kind: 'date', width: 14 },
          { header: 'Tanggal Mulai', kind: 'date', width: 14 },
          { header: 'Tanggal Berakhir', kind: 'date', width: 14 },
          { header: 'Unit Pengampu', kind: 'text', width: 30 },
          { header: 'ID Induk', kind: 'text', width: 28 },
          { header: 'ID', kind: 'text', width: 28 },
        ],
        rows: (agreement) => [
          [
            agreement.number,
            agreement.title,
            kinds[agreement.kind],
            statuses[agreement.status],
            agreement.partners.map((partner) => partner.name).join('; '),
            agreement.partnerNumber,
            agreement.fields.join('; '),
            agreement.signedOn,
            agreement.startsOn,
            agreement.endsOn,
            agreement.ownerUnit,
            agreement.parentId,
            agreement.id,
          ],
        ],
      },
      {
        name: 'Mitra',
        columns: [
          { header: 'Nomor Kerja Sama', kind: 'text', width: 24 },
          { header: 'Judul Kerja Sama', kind: 'text', width: 50 },
          { header: 'Mitra', kind: 'text', width: 40 },
          { header: 'Kategori Mitra', kind: 'text', width: 24 },
          { header: 'Negara', kind: 'text', width: 8 },
          { header: 'Status', kind: 'text', width: 14 },
          { header: 'ID Kerja Sama', kind: 'text', width: 28 },
        ],
        rows: (agreement) =>
          agreement.partners.map((partner) => [agreement.number, agreement.title, partner.name, categories[partner.category], partner.country, statuses[agreement.status], agreement.id]),
      },
    ],
  };
}
