import { routeTo } from '../../shared/http/router.ts';
import { handler as notFound } from '../system/not-found.ts';
import { handler as health } from '../system/health.ts';
import { handler as openapi } from '../system/openapi.ts';

/** The `public` API function: no token, no table; also API Gateway's `$default` route (404/405). */
export const handler = routeTo([health, openapi], notFound);
