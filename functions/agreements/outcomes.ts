import { httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { agreementOutcomes } from '../../shared/training/service.ts';

export const handler = httpHandler(routes.agreementOutcomes, async ({ params }) => ({ status: 200, body: await agreementOutcomes(params.id) }));
