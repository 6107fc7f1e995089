import { actorOf, httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { importTrainings } from '../../shared/training/import.ts';

export const handler = httpHandler(routes.importTrainings, async (request) => ({
  status: 200,
  body: await importTrainings(request.body, actorOf(request, 'importTrainings')),
}));
