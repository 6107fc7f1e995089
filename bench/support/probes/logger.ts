import { log } from '../../../shared/log.ts';

/** Cold-start diagnostic: what the structured logger on every API function's path costs (Powertools Logger). */
export const handler = async () => log('info', 'probe');
