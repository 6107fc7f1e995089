import { actorOf, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { programRoutes } from '../../shared/training/programs/routes.ts';
import { updateProgram } from '../../shared/training/programs/service.ts';

export const handler = httpHandler(programRoutes.updateProgram, async (request) =>
  entityResult(await updateProgram(request.params.id, request.body, request.expectedVersion, actorOf(request, 'updateProgram'))),
);
