import { actorOf, httpHandler } from '../../shared/http/handler.ts';
import { removeParticipant } from '../../shared/training/programs/participants.ts';
import { programRoutes } from '../../shared/training/programs/routes.ts';

export const handler = httpHandler(programRoutes.removeParticipant, async (request) => {
  await removeParticipant(request.params.id, request.params.nip, actorOf(request, 'removeParticipant'));
  return { status: 204 };
});
