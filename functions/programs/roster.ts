import { actorOf, httpHandler } from '../../shared/http/handler.ts';
import { addRoster } from '../../shared/training/programs/participants.ts';
import { programRoutes } from '../../shared/training/programs/routes.ts';

export const handler = httpHandler(programRoutes.addParticipants, async (request) => ({
  status: 200,
  body: await addRoster(request.params.id, request.body.participants, actorOf(request, 'addParticipants')),
}));
