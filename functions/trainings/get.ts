import { assertOwnNipOr, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { trainingReaders, trainingRoutes } from '../../shared/training/routes.ts';
import { readTraining } from '../../shared/training/service/records.ts';

export const handler = httpHandler(trainingRoutes.getTraining, async ({ principal, params }) => {
  assertOwnNipOr(principal, params.nip, trainingReaders);
  return entityResult(await readTraining(params.nip, params.trainingId));
});
