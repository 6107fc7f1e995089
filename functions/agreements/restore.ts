import { restoreAgreement } from '../../shared/agreements/withdrawal.ts';
import { actorOf, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { agreementRoutes } from '../../shared/agreements/routes.ts';

export const handler = httpHandler(agreementRoutes.restoreAgreement, async (request) =>
  entityResult(await restoreAgreement(request.params.id, request.expectedVersion, actorOf(request, `restoreAgreement#${request.params.id}`))),
);
