import { activityRoutes } from '../../shared/agreements/activities/routes.ts';
import { listActivities } from '../../shared/agreements/activities/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler(activityRoutes.listActivities, async ({ params, query }) => ({ status: 200, body: await listActivities(params.id, query) }));
