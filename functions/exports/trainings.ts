import { EXPORT_PAGE_SIZE, pagesOf, produceExport } from '../../shared/exports/produce.ts';
import { exportResponse } from '../../shared/exports/respond.ts';
import { trainingsExport } from '../../shared/exports/trainings.ts';
import { assertOwnNipOr, httpHandler } from '../../shared/http/handler.ts';
import { currentYear } from '../../shared/time/calendar.ts';
import { trainingReaders, trainingRoutes } from '../../shared/training/routes.ts';
import { listTrainings } from '../../shared/training/service/records.ts';

export const handler = httpHandler(trainingRoutes.exportTrainings, async ({ principal, params, query }) => {
  assertOwnNipOr(principal, params.nip, trainingReaders);
  const now = new Date();
  const year = query.year ?? currentYear(now);
  const pages = pagesOf((cursor) => listTrainings(params.nip, { year, limit: EXPORT_PAGE_SIZE, ...(cursor ? { cursor } : {}) }, now));
  return exportResponse(await produceExport(trainingsExport(params.nip, year), query.format, pages, now));
});
