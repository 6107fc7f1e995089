import { actorOf, httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { addTraining } from '../../shared/training/service/records.ts';

export const handler = httpHandler(trainingRoutes.addTraining, async (request) => {
  const { training } = await addTraining(request.params.nip, request.body, actorOf(request, `addTraining#${request.params.nip}`));
  return { status: 201, body: training, headers: { location: `/employees/${training.nip}/trainings/${training.id}` } };
});
