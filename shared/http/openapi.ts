import { z } from 'zod';
import type { RouteDefinition } from './route.ts';
import { routes } from './routes.ts';

type JsonSchema = Record<string, unknown>;

const problemSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const statusText: Record<number, string> = {
  400: 'Invalid input; `errors` names every bad field.',
  401: 'Missing, expired or invalid bearer token.',
  403: 'The token lacks the group this operation needs.',
  404: 'No such resource.',
  409: 'Conflicts with the stored state (duplicate, closed agreement).',
  412: 'If-Match names an older version.',
  413: 'The body is too large.',
  415: 'Unsupported Content-Type.',
  422: 'Refers to something that does not exist, or reuses an Idempotency-Key with another body.',
  428: 'If-Match is required.',
  503: 'The database is unavailable; retry after Retry-After seconds.',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !field.safeParse(undefined).success,
    schema: jsonSchema(field, 'input'),
  }));
}

function problemResponses(statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [String(status), { description: statusText[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }]),
  );
}

function operation(id: string, route: RouteDefinition) {
  const secured = route.access !== 'public';
  const headers = [
    ...(route.conditional
      ? [
          {
            name: 'If-Match',
            in: 'header',
            required: route.conditional === true,
            schema: { type: 'string' },
            description: route.conditional === true ? 'The ETag of the version read, e.g. "3".' : 'Required to replace; without it the request only creates.',
          },
        ]
      : []),
    ...(route.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 }, description: 'Retries with the same key and body return the first response.' }] : []),
  ];
  const errors = secured ? [400, 401, 403, ...(route.errors ?? []), 503] : [400, ...(route.errors ?? [])];
  return {
    operationId: id,
    summary: route.summary,
    tags: [route.tag],
    ...(secured ? { security: [{ bearer: [] }], description: `Groups: ${(route.access as readonly string[]).join(', ')}.` } : { security: [] }),
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query'), ...headers],
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries((route.bodyTypes ?? ['application/json']).map((type) => [type, { schema: jsonSchema(route.body!, 'input') }])),
          },
        }
      : {}),
    responses: {
      [String(route.success.status)]: {
        description: route.success.description,
        ...(route.success.schema ? { content: { 'application/json': { schema: jsonSchema(route.success.schema, 'output') } } } : {}),
      },
      ...problemResponses([...new Set(errors)].sort()),
    },
  };
}

let cached: JsonSchema | undefined;

/** The OpenAPI 3.1 document of every route, generated from the route table's zod schemas. */
export function openApiDocument(): JsonSchema {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, route] of Object.entries(routes as Record<string, RouteDefinition>)) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(id, route);
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Jalin API',
      version: '0.1.0',
      description: 'Cooperation agreements and civil-servant training hours. Dates are YYYY-MM-DD in Asia/Jakarta; errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: problemSchema },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
  return cached;
}
