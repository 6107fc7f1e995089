import { complianceExport } from '../../shared/exports/compliance.ts';
import { EXPORT_PAGE_SIZE, pagesOf, produceExport } from '../../shared/exports/produce.ts';
import { exportResponse } from '../../shared/exports/respond.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { currentYear } from '../../shared/time/calendar.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { complianceReport } from '../../shared/training/service/compliance.ts';

export const handler = httpHandler(trainingRoutes.exportCompliance, async ({ query }) => {
  const now = new Date();
  const { format, ...filters } = query;
  const year = filters.year ?? currentYear(now);
  const pages = pagesOf((cursor) => complianceReport({ ...filters, year, limit: EXPORT_PAGE_SIZE, ...(cursor ? { cursor } : {}) }, now));
  return exportResponse(await produceExport(complianceExport(year, filters.unit), format, pages, now));
});
