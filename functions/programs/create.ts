import { actorOf, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { programRoutes } from '../../shared/training/programs/routes.ts';
import { createProgram } from '../../shared/training/programs/service.ts';

export const handler = httpHandler(programRoutes.createProgram, async (request) => {
  const program = await createProgram(request.body, actorOf(request, 'createProgram'));
  return entityResult(program, 201, { location: `/training-programs/${program.id}` });
});
