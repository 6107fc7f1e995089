import { activityRoutes } from '../../shared/agreements/activities/routes.ts';
import { deleteActivity } from '../../shared/agreements/activities/service.ts';
import { actorOf, httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler(activityRoutes.deleteActivity, async (request) => {
  await deleteActivity(request.params.id, request.params.activityId, actorOf(request, 'deleteActivity'));
  return { status: 204 };
});
