import { agreementHistory } from '../../shared/agreements/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { agreementRoutes } from '../../shared/agreements/routes.ts';

export const handler = httpHandler(agreementRoutes.agreementHistory, async ({ params, query }) => ({ status: 200, body: await agreementHistory(params.id, query) }));
