import { actorOf, httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { setTarget } from '../../shared/training/service.ts';

export const handler = httpHandler(routes.putTarget, async (request) => ({
  status: 200,
  body: await setTarget(request.params.year, request.body.hours, actorOf(request, 'putTarget')),
}));
