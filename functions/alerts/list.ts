import { readableAlertKinds } from '../../shared/alerts/routes.ts';
import { listAlerts } from '../../shared/alerts/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';

export const handler = httpHandler(routes.listAlerts, async ({ principal, query }) => ({
  status: 200,
  body: await listAlerts({ ...query, kinds: readableAlertKinds(principal, query.kind) }),
}));
