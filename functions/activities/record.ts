import { activityRoutes } from '../../shared/agreements/activities/routes.ts';
import { recordActivity } from '../../shared/agreements/activities/service.ts';
import { actorOf, httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler(activityRoutes.recordActivity, async (request) => {
  const { activity } = await recordActivity(request.params.id, request.body, actorOf(request, 'recordActivity'));
  return { status: 201, body: activity, headers: { location: `/agreements/${activity.agreementId}/activities` } };
});
