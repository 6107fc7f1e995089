import type { ComplianceRow } from '../training/schemas.ts';
import type { ExportDefinition } from './table.ts';

/** Each employee's hours of the year against the target, as the agency reports them per unit. */
export function complianceExport(year: number, unit: string | undefined): ExportDefinition<ComplianceRow> {
  const unitPart = unit ? `-${unit.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}` : '';
  return {
    filename: `kepatuhan-pelatihan-${year}${unitPart}`,
    tables: [
      {
        name: `Kepatuhan ${year}`,
        columns: [
          { header: 'NIP', kind: 'text', width: 21 },
          { header: 'Nama', kind: 'text', width: 32 },
          { header: 'Unit Kerja', kind: 'text', width: 32 },
          { header: 'Tahun', kind: 'number', width: 8 },
          { header: 'Jam Pelatihan', kind: 'number', width: 14 },
          { header: 'Target Jam', kind: 'number', width: 12 },
          { header: 'Kekurangan Jam', kind: 'number', width: 15 },
          { header: 'Status', kind: 'text', width: 16 },
        ],
        rows: (row) => [[row.nip, row.name, row.unit, year, row.hours, row.targetHours, row.remainingHours, row.compliant ? 'Memenuhi' : 'Belum memenuhi']],
      },
    ],
  };
}
