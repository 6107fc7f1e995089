import { actorOf, httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { importTrainings } from '../../shared/training/import.ts';

export const handler = httpHandler(trainingRoutes.importTrainings, async (request) => ({
  status: 200,
  body: await importTrainings(request.body, actorOf(request, 'importTrainings'), request.language),
  headers: { 'content-language': request.language, vary: 'accept-language' },
}));
