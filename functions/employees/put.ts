import { actorOf, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { putEmployee } from '../../shared/training/service.ts';

export const handler = httpHandler(routes.putEmployee, async (request) => {
  const { employee, created } = await putEmployee(request.params.nip, request.body, request.expectedVersion, actorOf(request, 'putEmployee'));
  return entityResult(employee, created ? 201 : 200, created ? { location: `/employees/${employee.nip}` } : {});
});
