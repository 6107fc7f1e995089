import { actorOf, httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { addTraining } from '../../shared/training/service.ts';

export const handler = httpHandler(routes.addTraining, async (request) => {
  const { training } = await addTraining(request.params.nip, request.body, actorOf(request, `addTraining#${request.params.nip}`));
  return { status: 201, body: training, headers: { location: `/employees/${training.nip}/trainings/${training.id}` } };
});
