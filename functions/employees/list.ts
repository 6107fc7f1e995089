import { httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { listEmployees } from '../../shared/training/service.ts';

export const handler = httpHandler(routes.listEmployees, async ({ query }) => ({ status: 200, body: await listEmployees(query) }));
