import { httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { complianceSummary } from '../../shared/training/service/compliance.ts';
import { currentYear } from '../../shared/time/calendar.ts';

export const handler = httpHandler(trainingRoutes.complianceSummary, async ({ query }) => {
  const now = new Date();
  return { status: 200, body: await complianceSummary({ ...query, year: query.year ?? currentYear(now) }, now) };
});
