import { listAlerts } from '../../shared/alerts/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { alertRoutes } from '../../shared/alerts/routes.ts';

export const handler = httpHandler(alertRoutes.listAlerts, async ({ query }) => ({ status: 200, body: await listAlerts(query) }));
