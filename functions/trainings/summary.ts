import { assertOwnNipOr, httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { trainingReaders } from '../../shared/training/routes.ts';
import { currentYear } from '../../shared/time/calendar.ts';
import { trainingSummary } from '../../shared/training/service/records.ts';

export const handler = httpHandler(trainingRoutes.trainingSummary, async ({ principal, params, query }) => {
  assertOwnNipOr(principal, params.nip, trainingReaders);
  return { status: 200, body: await trainingSummary(params.nip, query.year ?? currentYear(new Date())) };
});
