import { actorOf, entityResult, httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { putEmployee } from '../../shared/training/service/employees.ts';

export const handler = httpHandler(trainingRoutes.putEmployee, async (request) => {
  const { employee, created } = await putEmployee(request.params.nip, request.body, request.expectedVersion, actorOf(request, 'putEmployee'));
  return entityResult(employee, created ? 201 : 200, created ? { location: `/employees/${employee.nip}` } : {});
});
