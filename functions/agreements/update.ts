import { updateAgreement } from '../../shared/agreements/service.ts';
import { actorOf, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { agreementRoutes } from '../../shared/agreements/routes.ts';

export const handler = httpHandler(agreementRoutes.updateAgreement, async (request) =>
  entityResult(await updateAgreement(request.params.id, request.body, request.expectedVersion, actorOf(request, 'updateAgreement'))),
);
