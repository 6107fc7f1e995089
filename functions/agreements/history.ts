import { agreementHistory } from '../../shared/agreements/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';

export const handler = httpHandler(routes.agreementHistory, async ({ params, query }) => ({ status: 200, body: await agreementHistory(params.id, query) }));
