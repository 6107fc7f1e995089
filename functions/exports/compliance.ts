import { complianceExport } from '../../shared/exports/compliance.ts';
import { EXPORT_PAGE_SIZE, listsInOrder, pagesOf, produceExport } from '../../shared/exports/produce.ts';
import { exportResponse } from '../../shared/exports/respond.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { currentYear } from '../../shared/time/calendar.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { listUnits } from '../../shared/training/repository/employees.ts';
import { complianceReport } from '../../shared/training/service/compliance.ts';

/** Units read at once by an export of every unit (DynamoDB answers them while the file is written). */
const UNITS_READ_AHEAD = 4;

export const handler = httpHandler(trainingRoutes.exportCompliance, async ({ query }) => {
  const now = new Date();
  const { format, ...filters } = query;
  const year = filters.year ?? currentYear(now);
  const unitPages = (unit: string) => () => pagesOf((cursor) => complianceReport({ ...filters, year, unit, limit: EXPORT_PAGE_SIZE, ...(cursor ? { cursor } : {}) }, now));
  // Every unit: read a few units at once, written in the report's unit order.
  const pages = filters.unit ? unitPages(filters.unit)() : listsInOrder((await listUnits()).map(unitPages), UNITS_READ_AHEAD);
  return exportResponse(await produceExport(complianceExport(year, filters.unit), format, pages, now));
});
