import type { Group } from '../../shared/http/auth.ts';

/**
 * Which groups each console page is for; mirrors the API's route rows (agreement reads:
 * agreements-admin, training-admin, auditor; writes: agreements-admin). The API still decides:
 * a 403 from it shows the same page as a link followed here without the group.
 */
export const readers: readonly Group[] = ['agreements-admin', 'training-admin', 'auditor'];
export const agreementWriters: readonly Group[] = ['agreements-admin'];
export const alertReaders: readonly Group[] = ['agreements-admin', 'training-admin', 'auditor'];
/** Training reads (compliance, employees, programs, imports): training-admin and auditor; writes: training-admin. */
export const trainingReaders: readonly Group[] = ['training-admin', 'auditor'];
export const trainingWriters: readonly Group[] = ['training-admin'];
/** An employee's own page: only the employee group (staff open an employee's page under /pegawai). */
export const employeesThemselves: readonly Group[] = ['employee'];
