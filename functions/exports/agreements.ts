import { agreementRoutes } from '../../shared/agreements/routes.ts';
import { listAgreements } from '../../shared/agreements/service.ts';
import { agreementsExport } from '../../shared/exports/agreements.ts';
import { EXPORT_PAGE_SIZE, pagesOf, produceExport } from '../../shared/exports/produce.ts';
import { exportResponse } from '../../shared/exports/respond.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { todayInJakarta } from '../../shared/time/calendar.ts';

export const handler = httpHandler(agreementRoutes.exportAgreements, async ({ query }) => {
  const now = new Date();
  const { format, ...filters } = query;
  const pages = pagesOf((cursor) => listAgreements({ ...filters, limit: EXPORT_PAGE_SIZE, ...(cursor ? { cursor } : {}) }, now));
  return exportResponse(await produceExport(agreementsExport(todayInJakarta(now)), format, pages, now));
});
