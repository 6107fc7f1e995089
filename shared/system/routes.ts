import * as z from 'zod/mini';
import { defineRoutes } from '../http/route.ts';

/** Routes about the API itself: public, no table. */
export const systemRoutes = defineRoutes({
  health: {
    method: 'GET',
    path: '/health',
    handler: 'system/health',
    access: 'public',
    actions: [],
    summary: 'Liveness check',
    tag: 'System',
    success: { status: 200, schema: z.object({ status: z.literal('ok') }), description: 'The API is up.' },
  },
  openapi: {
    method: 'GET',
    path: '/openapi.json',
    handler: 'system/openapi',
    access: 'public',
    actions: [],
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'System',
    success: { status: 200, schema: z.looseObject({ openapi: z.string() }), description: 'The OpenAPI document.' },
  },
});
