import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { matchRoute } from '../../shared/http/match.ts';
import { problemResponse } from '../../shared/http/problem.ts';

/** API Gateway's `$default` route: what no row of the route table serves, as problem+json. */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  const { method, path } = event.requestContext.http;
  const match = matchRoute(method, path);
  if (match.kind === 'method-not-allowed') {
    return problemResponse(405, `${method} is not supported on ${path}; use ${match.allowed.join(', ')}.`, {
      instance: path,
      headers: { allow: match.allowed.join(', ') },
    });
  }
  return problemResponse(404, `No operation at ${method} ${path}. GET /openapi.json lists them all.`, { instance: path });
};
