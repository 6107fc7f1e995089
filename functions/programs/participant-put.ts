import { actorOf, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { putParticipant } from '../../shared/training/programs/participants.ts';
import { programRoutes } from '../../shared/training/programs/routes.ts';

export const handler = httpHandler(programRoutes.putParticipant, async (request) => {
  const { id, nip } = request.params;
  const { participant, outcome } = await putParticipant(id, nip, request.body, request.expectedVersion, actorOf(request, 'putParticipant'));
  return outcome === 'added' ? entityResult(participant, 201, { location: `/training-programs/${id}/participants/${nip}` }) : entityResult(participant);
});
