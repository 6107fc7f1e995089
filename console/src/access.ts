import type { Group } from '../../shared/http/auth.ts';

/**
 * Which groups each console page is for; mirrors the API's route rows (agreement reads:
 * agreements-admin, training-admin, auditor; writes: agreements-admin). The API still decides:
 * a 403 from it shows the same page as a link followed here without the group.
 */
export const readers: readonly Group[] = ['agreements-admin', 'training-admin', 'auditor'];
export const agreementWriters: readonly Group[] = ['agreements-admin'];
export const alertReaders: readonly Group[] = ['agreements-admin', 'training-admin', 'auditor'];
