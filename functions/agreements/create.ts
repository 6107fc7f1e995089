import { createAgreement } from '../../shared/agreements/service.ts';
import { actorOf, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { agreementRoutes } from '../../shared/agreements/routes.ts';

export const handler = httpHandler(agreementRoutes.createAgreement, async (request) => {
  const { agreement } = await createAgreement(request.body, actorOf(request, 'createAgreement'));
  return entityResult(agreement, 201, { location: `/agreements/${agreement.id}` });
});
