import { httpHandler } from '../../shared/http/handler.ts';
import { listParticipants } from '../../shared/training/programs/participants.ts';
import { programRoutes } from '../../shared/training/programs/routes.ts';

export const handler = httpHandler(programRoutes.listParticipants, async ({ params, query }) => ({ status: 200, body: await listParticipants(params.id, query) }));
