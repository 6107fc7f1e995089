import { listAgreements } from '../../shared/agreements/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';

export const handler = httpHandler(routes.listAgreements, async ({ query }) => ({ status: 200, body: await listAgreements(query, new Date()) }));
