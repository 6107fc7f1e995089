import { agreementStatistics } from '../../shared/agreements/statistics.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { agreementRoutes } from '../../shared/agreements/routes.ts';

export const handler = httpHandler(agreementRoutes.agreementStatistics, async ({ query }) => ({ status: 200, body: await agreementStatistics(query, new Date()) }));
