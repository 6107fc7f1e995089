import { getAgreement } from '../../shared/agreements/service.ts';
import { entityResult, httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';

export const handler = httpHandler(routes.getAgreement, async ({ params }) => entityResult(await getAgreement(params.id, new Date())));
