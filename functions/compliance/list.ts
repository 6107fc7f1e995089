import { httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { complianceReport } from '../../shared/training/service.ts';

export const handler = httpHandler(routes.compliance, async ({ query }) => ({ status: 200, body: await complianceReport(query, new Date()) }));
