import { dormantAgreements } from '../../shared/agreements/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { agreementRoutes } from '../../shared/agreements/routes.ts';

export const handler = httpHandler(agreementRoutes.dormantAgreements, async ({ query }) => ({ status: 200, body: await dormantAgreements(query, new Date()) }));
