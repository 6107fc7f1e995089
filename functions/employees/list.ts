import { httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { listEmployees } from '../../shared/training/service/employees.ts';

export const handler = httpHandler(trainingRoutes.listEmployees, async ({ query }) => ({ status: 200, body: await listEmployees(query) }));
