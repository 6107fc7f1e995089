import { assertMayRead, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { trainingReaders } from '../../shared/training/routes.ts';
import { readTraining } from '../../shared/training/service.ts';

export const handler = httpHandler(routes.getTraining, async ({ principal, params }) => {
  assertMayRead(principal, params.nip, trainingReaders);
  return entityResult(await readTraining(params.nip, params.trainingId));
});
