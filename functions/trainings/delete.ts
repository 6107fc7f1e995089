import { actorOf, httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { removeTraining } from '../../shared/training/service/records.ts';

export const handler = httpHandler(trainingRoutes.deleteTraining, async (request) => {
  await removeTraining(request.params.nip, request.params.trainingId, actorOf(request, 'deleteTraining'));
  return { status: 204 };
});
