import { httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { complianceReport } from '../../shared/training/service/compliance.ts';

export const handler = httpHandler(trainingRoutes.compliance, async ({ query }) => ({ status: 200, body: await complianceReport(query, new Date()) }));
