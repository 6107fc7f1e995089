import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { messageCodes } from '../i18n/messages.ts';
import type { RouteDefinition } from './route.ts';
import { routes } from './routes.ts';

type JsonSchema = Record<string, unknown>;

/** A problem's or a field error's stable code (shared/i18n/messages.ts); its message follows Accept-Language. */
const codeSchema: JsonSchema = {
  type: 'string',
  enum: messageCodes,
  description: 'Stable code to switch on; the message is in Bahasa Indonesia or English by Accept-Language (Content-Language says which).',
};

const problemSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: codeSchema,
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['path', 'code', 'message'], properties: { path: { type: 'string' }, code: codeSchema, message: { type: 'string' } } },
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
  431: 'The URL or the headers are too large.',
  500: 'An unexpected error; it has been logged.',
  503: 'The database is unavailable; retry after Retry-After seconds.',
};

function jsonSchema(schema: $ZodType, io: 'input' | 'output'): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    // Whole numbers in paths and queries are checked as digits, documented as integers.
    override: ({ jsonSchema: node }) => {
      if (node.type === 'integer') delete node.pattern;
    },
  }) as JsonSchema;
  const { $schema: _dialect, ...rest } = generated;
  return rest;
}

function parameters(schema: $ZodType | undefined, where: 'path' | 'query') {
  const def = schema?._zod.def;
  if (def?.type !== 'object') return [];
  return Object.entries((def as unknown as { shape: Record<string, $ZodType> }).shape).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !z.safeParse(field, undefined).success,
    schema: jsonSchema(field, 'input'),
  }));
}

function problemResponses(statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [String(status), { description: statusText[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } }]),
  );
}

/** A file as the answer itself: its bytes, named by Content-Disposition (OpenAPI 3.1: a binary string of the media type). */
function fileResponse(mediaTypes: readonly string[]) {
  return {
    description: 'The file itself, as an attachment.',
    headers: { 'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; filename="…" (and filename* in UTF-8)' } },
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
  };
}

const successStatuses = (route: RouteDefinition) => [route.success.status, ...(route.success.alsoStatus ? [route.success.alsoStatus] : [])];

function operation(id: string, route: RouteDefinition) {
  const secured = route.access !== 'public';
  const success = {
    description: route.success.description,
    ...(route.success.schema ? { content: { [route.success.contentType ?? 'application/json']: { schema: jsonSchema(route.success.schema, 'output') } } } : {}),
  };
  const headers = [
    ...(route.conditional
      ? [
          {
            name: 'If-Match',
            in: 'header',
            required: route.conditional === true,
            schema: { type: 'string', pattern: '^(\\*|"\\d{1,15}")$' },
            description:
              (route.conditional === true ? 'The ETag of the version read, e.g. "3"' : 'Required to replace (the ETag read, e.g. "3"); without it the request only creates') +
              '. `*` matches whatever version exists; a weak ETag (W/"3") never matches a write (RFC 9110).',
          },
        ]
      : []),
    ...(route.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' }, description: 'Retries with the same key and body return the first response; the same key with another body is a 422.' }] : []),
  ];
  const errors = [400, ...(secured ? [401, 403, 503] : []), ...(route.body ? [413, 415] : []), ...(route.errors ?? []), 431, 500];
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
      ...Object.fromEntries(successStatuses(route).map((status) => [String(status), route.success.files && status === route.success.status ? fileResponse(route.success.files) : success])),
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
