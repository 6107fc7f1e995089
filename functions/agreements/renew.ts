import { renewAgreement } from '../../shared/agreements/service.ts';
import { actorOf, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { agreementRoutes } from '../../shared/agreements/routes.ts';

export const handler = httpHandler(agreementRoutes.renewAgreement, async (request) => {
  const { agreement } = await renewAgreement(request.params.id, request.body, actorOf(request, `renewAgreement#${request.params.id}`));
  return entityResult(agreement, 201, { location: `/agreements/${agreement.id}` });
});
