import type { EmployeeInput, TrainingInput } from '../../shared/training/schemas.ts';
import type { ProgramInput } from '../../shared/training/programs/schemas.ts';

/**
 * Demo employees, trainings and programs, so that compliance, reminders and the console's
 * training pages show something on a fresh `npm start -- --demo`: five work units of ten, with
 * 2026 hours from none to over the 40-hour target, a 2026 leadership cohort, the PKN Tingkat II
 * cohort XXXIV of 2024 (with an official of LAN RI among its participants) and a course DKI gave
 * the Kolaka regency under their agreement. Names and NIPs are invented (valid NIP shapes).
 */
const units = [
  'Dinas Kesehatan',
  'Dinas Pendidikan',
  'Dinas Komunikasi, Informatika dan Statistik',
  'Biro Organisasi dan Reformasi Birokrasi',
  'Badan Pengembangan Sumber Daya Manusia',
];
const firstNames = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rudi', 'Rina', 'Hendra', 'Wulan', 'Andi', 'Maya', 'Joko', 'Fitri', 'Bambang', 'Intan', 'Dimas', 'Ayu', 'Teguh', 'Nur', 'Eko', 'Lestari', 'Yusuf', 'Ratna', 'Fajar', 'Indah', 'Arif'];
const surnames = ['Santoso', 'Rahmawati', 'Pratama', 'Hidayat', 'Siregar', 'Nasution', 'Wibowo', 'Kusuma', 'Saputra', 'Lubis'];
const positions = ['Kepala Bidang', 'Analis Kebijakan', 'Pranata Komputer', 'Perencana', 'Analis Sumber Daya Manusia Aparatur'];

/** A PNS NIP: born 1972 onwards (every 211 days), CPNS at 25 in the month after their birth month, gender alternating. */
export function demoNip(index: number): string {
  const birth = new Date(Date.UTC(1972, 0, 15) + index * 211 * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
  const tmtYear = birth.getUTCFullYear() + 25;
  const tmtMonth = String((birth.getUTCMonth() + 1) % 12 + 1).padStart(2, '0');
  return `${date}${tmtYear}${tmtMonth}${index % 2 === 0 ? 1 : 2}${String((index % 7) + 1).padStart(3, '0')}`;
}

export interface DemoEmployee extends EmployeeInput {
  nip: string;
}

const emailOf = (name: string) => `${name.toLowerCase().replaceAll(' ', '.')}@jakarta.go.id`;

/** Ten per unit; the first of each unit heads it and is the others' supervisor. */
export const demoEmployees: DemoEmployee[] = Array.from({ length: 50 }, (_, index) => {
  const name = `${firstNames[index % 25]} ${surnames[(index + 3 * Math.floor(index / 25)) % 10]}`;
  const unitIndex = Math.floor(index / 10);
  const head = index % 10 === 0;
  const headName = `${firstNames[(unitIndex * 10) % 25]} ${surnames[(unitIndex * 10 + 3 * Math.floor((unitIndex * 10) / 25)) % 10]}`;
  return {
    nip: demoNip(index),
    name,
    email: emailOf(name),
    unit: units[unitIndex]!,
    position: head ? 'Kepala Bidang' : positions[(index % 4) + 1]!,
    ...(head ? {} : { supervisorEmail: emailOf(headName) }),
  };
});

type Course = Omit<TrainingInput, 'agreementId' | 'certificateNumber'>;
const courses: Record<string, Course> = {
  elearning: { title: 'E-Learning Manajemen ASN', provider: 'Lembaga Administrasi Negara', method: 'NON_CLASSICAL', startsOn: '2026-02-09', endsOn: '2026-02-20', hours: 8 },
  procurement: { title: 'Pelatihan Pengadaan Barang/Jasa Pemerintah Tingkat Dasar', provider: 'LKPP', method: 'CLASSICAL', startsOn: '2026-03-16', endsOn: '2026-03-18', hours: 24 },
  webinar: { title: 'Webinar Jakarta Kota Cerdas', provider: 'Dinas Komunikasi, Informatika dan Statistik', method: 'NON_CLASSICAL', startsOn: '2026-04-22', endsOn: '2026-04-22', hours: 4 },
  budget: { title: 'Pelatihan Penyusunan Anggaran Berbasis Kinerja', provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: '2026-07-06', endsOn: '2026-07-07', hours: 16 },
  service: { title: 'Orientasi Pelayanan Publik Prima', provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: '2026-08-24', endsOn: '2026-08-25', hours: 12 },
};
/** Five patterns of a year, from nothing to well over 40 hours: employee i follows pattern i mod 5. */
const patterns: (keyof typeof courses)[][] = [[], ['elearning'], ['budget', 'elearning', 'webinar'], ['procurement', 'budget'], ['service']];

export const demoTrainings: { key: string; nip: string; training: TrainingInput }[] = demoEmployees.flatMap((employee, index) =>
  patterns[index % 5]!.map((course) => ({ key: `${course}-${employee.nip}`, nip: employee.nip, training: courses[course]! })),
);

export interface DemoProgram {
  key: string;
  /** The demo agreement (demo-data.ts key) the program is delivered under. */
  agreementKey?: string;
  program: Omit<ProgramInput, 'agreementId'>;
  internal: { nip: string; changeProjectTitle?: string }[];
  external: { nip: string; name: string; agency: string; changeProjectTitle?: string }[];
}

export const demoPrograms: DemoProgram[] = [
  {
    key: 'pkn-ii-xxxiv',
    agreementKey: 'lan-mou',
    program: { title: 'Pelatihan Kepemimpinan Nasional Tingkat II', provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: '2024-08-12', endsOn: '2024-12-13', jp: 300, cohort: 'Angkatan XXXIV' },
    internal: [
      { nip: demoNip(0), changeProjectTitle: 'Integrasi data layanan puskesmas dalam satu dasbor' },
      { nip: demoNip(10), changeProjectTitle: 'Penguatan literasi digital guru sekolah dasar' },
      { nip: demoNip(20), changeProjectTitle: 'Satu data statistik sektoral Jakarta' },
      { nip: demoNip(30), changeProjectTitle: 'Penyederhanaan proses bisnis perizinan' },
      { nip: demoNip(40), changeProjectTitle: 'Peta kompetensi ASN berbasis sistem informasi' },
    ],
    external: [{ nip: '197803152005012003', name: 'Ratih Kusumawardani', agency: 'Lembaga Administrasi Negara (LAN RI)', changeProjectTitle: 'Inovasi pembelajaran kepemimpinan daring' }],
  },
  {
    key: 'pkp-vii-2026',
    program: { title: 'Pelatihan Kepemimpinan Pengawas', provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: '2026-05-04', endsOn: '2026-06-26', jp: 40, cohort: 'Angkatan VII' },
    internal: [2, 7, 12, 17, 22, 27, 32, 37].map((index) => ({ nip: demoNip(index), changeProjectTitle: 'Percepatan layanan melalui tanda tangan elektronik' })),
    external: [],
  },
  {
    key: 'kolaka-2026',
    agreementKey: 'kolaka-mou',
    program: { title: 'Pelatihan Pelayanan Publik Prima bagi ASN Kabupaten Kolaka', provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: '2026-09-14', endsOn: '2026-09-18', hours: 32, cohort: 'Angkatan I' },
    internal: [],
    external: [
      { nip: '198204112006042007', name: 'Nurhayati Lamba', agency: 'Pemerintah Kabupaten Kolaka' },
      { nip: '198907232015031002', name: 'Muh. Asrul Rahman', agency: 'Pemerintah Kabupaten Kolaka' },
      { nip: '199101052019032001', name: 'Sitti Hardianti', agency: 'Pemerintah Kabupaten Kolaka' },
    ],
  },
];
