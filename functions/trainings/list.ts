import { assertOwnNipOr, httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { trainingReaders } from '../../shared/training/routes.ts';
import { listTrainings } from '../../shared/training/service/records.ts';

export const handler = httpHandler(trainingRoutes.listTrainings, async ({ principal, params, query }) => {
  assertOwnNipOr(principal, params.nip, trainingReaders);
  return { status: 200, body: await listTrainings(params.nip, query, new Date()) };
});
