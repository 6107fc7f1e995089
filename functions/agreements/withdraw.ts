import { withdrawAgreement } from '../../shared/agreements/withdrawal.ts';
import { actorOf, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { agreementRoutes } from '../../shared/agreements/routes.ts';

export const handler = httpHandler(agreementRoutes.withdrawAgreement, async (request) =>
  entityResult(await withdrawAgreement(request.params.id, request.body.reason, request.expectedVersion, actorOf(request, `withdrawAgreement#${request.params.id}`))),
);
