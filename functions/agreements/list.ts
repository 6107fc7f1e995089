import { listAgreements } from '../../shared/agreements/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { agreementRoutes } from '../../shared/agreements/routes.ts';

export const handler = httpHandler(agreementRoutes.listAgreements, async ({ query }) => ({ status: 200, body: await listAgreements(query, new Date()) }));
