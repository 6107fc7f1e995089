import { entityResult, httpHandler } from '../../shared/http/handler.ts';
import { readParticipant } from '../../shared/training/programs/participants.ts';
import { programRoutes } from '../../shared/training/programs/routes.ts';

export const handler = httpHandler(programRoutes.getParticipant, async ({ params }) => entityResult(await readParticipant(params.id, params.nip)));
