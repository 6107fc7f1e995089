import { searchAgreements } from '../../shared/agreements/search.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { agreementRoutes } from '../../shared/agreements/routes.ts';

export const handler = httpHandler(agreementRoutes.searchAgreements, async ({ query }) => ({ status: 200, body: await searchAgreements(query, new Date()) }));
