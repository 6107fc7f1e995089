import { assertOwnNipOr, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { trainingReaders } from '../../shared/training/routes.ts';
import { readEmployee } from '../../shared/training/service/employees.ts';

export const handler = httpHandler(trainingRoutes.getEmployee, async ({ principal, params }) => {
  assertOwnNipOr(principal, params.nip, trainingReaders);
  return entityResult(await readEmployee(params.nip));
});
