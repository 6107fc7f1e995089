import { httpHandler } from '../../shared/http/handler.ts';
import { programRoutes } from '../../shared/training/programs/routes.ts';
import { listPrograms } from '../../shared/training/programs/service.ts';

export const handler = httpHandler(programRoutes.listPrograms, async ({ query }) => ({ status: 200, body: await listPrograms(query, new Date()) }));
