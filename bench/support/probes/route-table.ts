import { routes } from '../../../shared/http/routes.ts';

/**
 * Cold-start diagnostic: the route table alone, without the SDK. Every function imports it (for its
 * own row), and with it the zod schemas of every route.
 */
export const handler = async () => Object.keys(routes).length;
