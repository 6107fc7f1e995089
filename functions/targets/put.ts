import { actorOf, httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { setTarget } from '../../shared/training/service/targets.ts';

export const handler = httpHandler(trainingRoutes.putTarget, async (request) => ({
  status: 200,
  body: await setTarget(request.params.year, request.body, actorOf(request, 'putTarget')),
}));
