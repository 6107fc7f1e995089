import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { matchRoute } from '../../shared/http/match.ts';
import { problemResponse } from '../../shared/http/problem.ts';
import { preferredLanguage } from '../../shared/i18n/language.ts';

/** API Gateway's `$default` route: what no row of the route table serves, as problem+json. */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  const { method, path } = event.requestContext.http;
  const match = matchRoute(method, path);
  const language = preferredLanguage(event.headers?.['accept-language']);
  if (match.kind === 'method-not-allowed') {
    const allowed = match.allowed.join(', ');
    return problemResponse(405, { code: 'METHOD_NOT_SUPPORTED', params: { method, path, allowed } }, { instance: path, headers: { allow: allowed }, language });
  }
  return problemResponse(404, { code: 'ROUTE_NOT_FOUND', params: { method, path } }, { instance: path, language });
};
