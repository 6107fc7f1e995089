import { z } from 'zod';
import { agreementRoutes } from '../agreements/routes.ts';
import { alertRoutes } from '../alerts/routes.ts';
import { trainingRoutes } from '../training/routes.ts';
import { defineRoutes } from './route.ts';

/**
 * The whole API in one table, each capability contributing its rows. CDK deploys one function per row (infra/api.ts), the local
 * server routes by it (infra/local/server.ts), the OpenAPI document is generated from it
 * (shared/http/openapi.ts), and each function reads its own row for auth and parsing.
 */
export const routes = defineRoutes({
  ...agreementRoutes,
  ...trainingRoutes,
  ...alertRoutes,
  health: {
    method: 'GET',
    path: '/health',
    handler: 'system/health',
    access: 'public',
    table: 'none',
    summary: 'Liveness check',
    tag: 'System',
    success: { status: 200, schema: z.object({ status: z.literal('ok') }), description: 'The API is up.' },
  },
  openapi: {
    method: 'GET',
    path: '/openapi.json',
    handler: 'system/openapi',
    access: 'public',
    table: 'none',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'System',
    success: { status: 200, schema: z.object({ openapi: z.string() }).loose(), description: 'The OpenAPI document.' },
  },
});

export type RouteId = keyof typeof routes;
