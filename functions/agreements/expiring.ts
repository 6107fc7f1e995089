import { expiringAgreements } from '../../shared/agreements/service.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';

export const handler = httpHandler(routes.expiringAgreements, async ({ query }) => ({ status: 200, body: await expiringAgreements(query, new Date()) }));
