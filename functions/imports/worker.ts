import { handleImportEvent } from '../../shared/training/imports/queue.ts';

/** Background roster imports: the consumer of files under `imports/` and of the imports queue (shared/training/imports/worker.ts). */
export const handler = handleImportEvent;
