import { httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { complianceSummary, currentYear } from '../../shared/training/service.ts';

export const handler = httpHandler(routes.complianceSummary, async ({ query }) => ({
  status: 200,
  body: await complianceSummary(query.year ?? currentYear(new Date())),
}));
