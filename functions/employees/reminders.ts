import { actorOf, assertOwnNipOr, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { setReminders } from '../../shared/training/service/employees.ts';

/** training-admin for anyone (an unsubscribe request mailed to the unit); an employee for themselves only. */
export const handler = httpHandler(trainingRoutes.setReminders, async (request) => {
  assertOwnNipOr(request.principal, request.params.nip, ['training-admin']);
  return entityResult(await setReminders(request.params.nip, request.body.remind, actorOf(request, 'setReminders')));
});
