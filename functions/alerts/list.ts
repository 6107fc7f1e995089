import { listAlerts } from '../../shared/alerts/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';

export const handler = httpHandler(routes.listAlerts, async ({ query }) => ({ status: 200, body: await listAlerts(query) }));
