import { getAgreement } from '../../shared/agreements/service.ts';
import { entityResult, httpHandler } from '../../shared/http/handler.ts';
import { agreementRoutes } from '../../shared/agreements/routes.ts';

export const handler = httpHandler(agreementRoutes.getAgreement, async ({ params }) => entityResult(await getAgreement(params.id, new Date())));
