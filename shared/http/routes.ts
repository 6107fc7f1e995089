import { activityRoutes } from '../agreements/activities/routes.ts';
import { documentRoutes } from '../agreements/documents/routes.ts';
import { agreementRoutes } from '../agreements/routes.ts';
import { alertRoutes } from '../alerts/routes.ts';
import { systemRoutes } from '../system/routes.ts';
import { programRoutes } from '../training/programs/routes.ts';
import { importRoutes } from '../training/imports/routes.ts';
import { trainingRoutes } from '../training/routes.ts';
import { defineRoutes } from './route.ts';

/**
 * The whole API in one table, each capability contributing its rows. CDK builds the functions
 * and their grants from it (infra/api.ts), the local server routes by it (infra/local/server.ts)
 * and the OpenAPI document is generated from it (shared/http/openapi.ts). A route's own module
 * imports only its capability's rows, so a function bundle never holds the whole table.
 */
export const routes = defineRoutes({
  ...agreementRoutes,
  ...trainingRoutes,
  ...alertRoutes,
  ...systemRoutes,
  ...programRoutes,
  ...documentRoutes,
  ...activityRoutes,
  ...importRoutes,
});

export type RouteId = keyof typeof routes;
