import type { TrainingInput } from '../../shared/training/schemas.ts';
import { createHash } from 'node:crypto';
import type { AgreementRecord } from '../../shared/agreements/rules.ts';
import type { CreateAgreement } from '../../shared/agreements/schemas.ts';
import { addDays } from '../../shared/time/calendar.ts';
import { IMPORT_COLUMNS } from '../../shared/training/import.ts';
import type { Employee, EmployeeInput } from '../../shared/training/schemas.ts';
import { benchNip } from './nip.ts';

/**
 * Deterministic generated data: the same index always yields the same entity, so a table can be
 * grown in steps (x1, then x10, then x100) by generating only the new index range.
 */

/** A stable pseudo-random fraction in [0, 1) per index and purpose. */
function fraction(index: number, purpose: string): number {
  return createHash('sha256').update(`${purpose}:${index}`).digest().readUInt32BE(0) / 2 ** 32;
}

const partnerNames = ['Pemerintah Kabupaten Kolaka', 'Pemerintah Kota Pariaman', 'Universitas Indonesia', 'Lembaga Administrasi Negara', 'Pemerintah Provinsi Kalimantan Barat', 'Tokyo Metropolitan Government'];
const fieldNames = ['ketahanan pangan', 'pendidikan kepemimpinan', 'kapasitas ASN', 'transportasi', 'kesehatan', 'pariwisata'];

/** The content of agreement `index`, as the API would have parsed it. */
export function agreementInput(index: number, dates: { startsOn: string; endsOn: string }): CreateAgreement {
  return {
    title: `Kesepakatan Bersama Pengembangan Kapasitas Daerah ${index}`,
    kind: 'MOU',
    partners: [{ name: partnerNames[index % partnerNames.length]!, category: 'REGENCY', country: 'ID' }],
    fields: [fieldNames[index % fieldNames.length]!, fieldNames[(index + 1) % fieldNames.length]!],
    signedOn: dates.startsOn,
    startsOn: dates.startsOn,
    endsOn: dates.endsOn,
    ownerUnit: 'Biro Kerja Sama Daerah',
    contactEmails: ['kerjasama@jakarta.go.id'],
  };
}

/**
 * Dates of agreement `index` as seen from `today`: the first `due` indexes end within the window
 * (spread over it), the others end outside it, up to ten years before or after, including in the
 * months the window touches (so the key condition, not the month bucket, must exclude them).
 */
export function agreementDates(index: number, due: number, today: string, windowDays: number) {
  const startsOn = addDays(today, -400 - Math.floor(fraction(index, 'start') * 1_000));
  if (index < due) return { startsOn, endsOn: addDays(today, Math.floor((index * (windowDays + 1)) / due)) };
  const offset = Math.floor(fraction(index, 'end') * 3_650);
  const endsOn = fraction(index, 'side') < 0.5 ? addDays(today, -1 - offset) : addDays(today, windowDays + 1 + offset);
  return { startsOn: endsOn < startsOn ? addDays(endsOn, -365) : startsOn, endsOn };
}

/** Agreement `index` as the repository stores it (open, version 1), for bulk loading. */
export function agreementRecord(index: number, due: number, today: string, windowDays: number, at: string): AgreementRecord {
  return {
    ...agreementInput(index, agreementDates(index, due, today, windowDays)),
    id: `bench-${String(index).padStart(7, '0')}`,
    lifecycle: 'OPEN',
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: 'bench',
    updatedBy: 'bench',
  };
}

export const unitName = (unit: number) => `Suku Dinas Bench ${String(unit + 1).padStart(2, '0')}`;

export function employeeInput(index: number, units: number): EmployeeInput {
  return {
    name: `Pegawai Bench ${index}`,
    email: `pegawai.${index}@jakarta.go.id`,
    unit: unitName(index % units),
    position: 'Analis Kebijakan',
  };
}

export function employeeRecord(index: number, units: number, at: string): Employee {
  return { nip: benchNip(index), ...employeeInput(index, units), version: 1, createdAt: at, updatedAt: at };
}

/**
 * One employee per unit misses the target (the first one of each unit): the compliance report of a
 * unit returns one row at every size, and at 60,000 employees the misses are 0.1%.
 */
export const missesTarget = (index: number, units: number) => Math.floor(index / units) === 0;
export const hoursOf = (index: number, units: number, target: number) => (missesTarget(index, units) ? Math.max(1, target - 28) : target + (index % 20));

export interface RosterRow {
  nip: string;
  course: number;
}

/**
 * A roster CSV (the import's header). Rows of one course come together, as a class list does, so
 * that the 16 rows in flight belong to different employees rather than fighting over one total.
 * `tag` makes titles (and so attendance guards) distinct between files.
 */
export function rosterCsv(rows: RosterRow[], tag: string, year: number): string {
  const lines = rosterEntries(rows, tag, year).map(({ nip, body }) => [nip, body.title, body.provider, body.method, body.startsOn, body.endsOn, String(body.hours), '', body.certificateNumber].join(','));
  return [IMPORT_COLUMNS.join(','), ...lines].join('\n');
}

/** The same rows as the bulk writer receives them once a file is parsed. */
export function rosterEntries(rows: RosterRow[], tag: string, year: number): { nip: string; body: TrainingInput }[] {
  return rows.map(({ nip, course }) => {
    const month = String((course % 12) + 1).padStart(2, '0');
    return {
      nip,
      body: { title: `Pelatihan Teknis ${tag} ${course}`, provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: `${year}-${month}-02`, endsOn: `${year}-${month}-03`, hours: 8, certificateNumber: `SERT/${tag}/${course}/${nip}` },
    };
  });
}

/** `employees` × `courses` rows, course by course. */
export function rosterRows(nips: string[], courses: number): RosterRow[] {
  return Array.from({ length: courses }, (_, course) => nips.map((nip) => ({ nip, course }))).flat();
}
