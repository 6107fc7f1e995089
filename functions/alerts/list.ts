import { listAlerts } from '../../shared/alerts/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { alertRoutes, readableAlertKinds } from '../../shared/alerts/routes.ts';

export const handler = httpHandler(alertRoutes.listAlerts, async ({ principal, query }) => ({
  status: 200,
  body: await listAlerts({ ...query, kinds: readableAlertKinds(principal, query.kind) }),
}));
