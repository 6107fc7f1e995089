import type { Context } from 'aws-lambda';
import type { Event, Result, RouteHandler } from './handler.ts';
import { problemResponse } from './problem.ts';
import { preferredLanguage } from '../i18n/language.ts';

/**
 * One Lambda function serving several routes: API Gateway names the matched route in
 * `routeKey` (`GET /agreements/{id}`), so dispatch is a map lookup, with no path matching of
 * our own. `fallback` serves API Gateway's `$default` route.
 */
export function routeTo(handlers: readonly RouteHandler[], fallback?: (event: Event) => Promise<Result>) {
  const byRouteKey = new Map(handlers.map((handler) => [`${handler.route.method} ${handler.route.path}`, handler]));
  const route = async (event: Event, context: Context): Promise<Result> => {
    const handler = byRouteKey.get(event.routeKey);
    if (handler) return handler(event, context);
    if (fallback) return fallback(event);
    // Only a deployment that maps a route to the wrong function gets here.
    return problemResponse(500, { code: 'ROUTE_NOT_SERVED', params: { routeKey: event.routeKey } }, { instance: event.rawPath, language: preferredLanguage(event.headers?.['accept-language']) });
  };
  /** What the function serves, for the test that holds it to shared/http/layout.ts. */
  return Object.assign(route, { routeKeys: [...byRouteKey.keys()] });
}
