/** Part 2's words (training, compliance, employees, programs, imports), Bahasa Indonesia first. */
export const id = {
  navCompliance: 'Kepatuhan pelatihan',
  navEmployees: 'Pegawai',
  navPrograms: 'Program pelatihan',
  navRosterImport: 'Impor roster',
  navTargets: 'Target tahunan',
  navMyHours: 'Jam pelajaran saya',
  unitTitle: 'Unit {unit}',
} as const;

export const en: Record<keyof typeof id, string> = {
  navCompliance: 'Training compliance',
  navEmployees: 'Employees',
  navPrograms: 'Training programs',
  navRosterImport: 'Roster import',
  navTargets: 'Yearly targets',
  navMyHours: 'My training hours',
  unitTitle: 'Unit {unit}',
};

export const enumLabels = { id: {}, en: {} } as const;
