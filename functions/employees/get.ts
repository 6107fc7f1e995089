import { assertMayRead, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { trainingReaders } from '../../shared/training/routes.ts';
import { readEmployee } from '../../shared/training/service.ts';

export const handler = httpHandler(routes.getEmployee, async ({ principal, params }) => {
  assertMayRead(principal, params.nip, trainingReaders);
  return entityResult(await readEmployee(params.nip));
});
