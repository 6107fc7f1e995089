import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import type { Actor, VersionPrecondition } from '../actor.ts';
import { fieldError, InvalidInputError, type FieldError } from '../errors.ts';
import { preferredLanguage } from '../i18n/language.ts';
import type { Language } from '../i18n/messages.ts';
import { log, requestLogging } from '../log.ts';
import { parseInput } from '../validation.ts';
import { hasAnyGroup, principalFromEvent, type Group, type Principal } from './auth.ts';
import { idempotencyFromHeader, type IdempotencyRequest } from './idempotency.ts';
import { HttpError, problemFromError } from './problem.ts';
import type { ParsedInput, RouteDefinition } from './route.ts';

// zod/mini ships without messages: English ones for the issues our schemas do not word themselves
// (an unknown enum value, a wrong type). Set here, by the API, so that jobs do not carry them.
z.config(en());

export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/** For rows without params or query: built once, not per request (zod compiles a schema on first use). */
const noParams = z.object({});
const noQuery = z.strictObject({});

export interface HandlerRequest<R extends RouteDefinition> extends ParsedInput<R> {
  principal: R['access'] extends 'public' ? Principal | undefined : Principal;
  /** The version named by `If-Match` (routes marked `conditional` only); `any` for `If-Match: *`. */
  expectedVersion: R['conditional'] extends true ? VersionPrecondition : R['conditional'] extends 'optional' ? VersionPrecondition | undefined : undefined;
  idempotency: IdempotencyRequest | undefined;
  /** The caller's language by Accept-Language (shared/i18n/language.ts), for what a use case words itself. */
  language: Language;
}

export interface HttpResult {
  status: number;
  /** JSON, or a Buffer: a file answered as it is (give it a content-type header). */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Event = APIGatewayProxyEventV2;
export type Result = APIGatewayProxyStructuredResultV2;

/**
 * The one middy stack every route shares: authenticate and authorize from the route table's
 * groups, parse params, query and body with the route's zod schemas, run the use case, and turn
 * any error into problem+json. Route files are left with the mapping from request to domain.
 */
export function httpHandler<R extends RouteDefinition>(route: R, run: (request: HandlerRequest<R>) => Promise<HttpResult>): RouteHandler {
  const handler = middy<Event, Result, Error, Context>()
    .use(requestLogging())
    .use({
      onError: (request) => {
        const { response, internal } = problemFromError(request.error, request.event.rawPath, preferredLanguage(header(request.event, 'accept-language')));
        if (internal) {
          log('error', 'request failed', {
            route: `${route.method} ${route.path}`,
            requestId: request.event.requestContext?.requestId,
            error: request.error?.name,
            reason: request.error?.message,
          });
        }
        request.response = response;
      },
    })
    .handler(async (event) => {
      const principal = authorize(event, route);
      const input = parseRequest(event, route);
      const result = await run({
        ...(input as ParsedInput<R>),
        principal: principal as HandlerRequest<R>['principal'],
        expectedVersion: (route.conditional ? expectedVersion(event, route.conditional === 'optional') : undefined) as HandlerRequest<R>['expectedVersion'],
        idempotency: route.idempotent ? idempotencyFromHeader(header(event, 'idempotency-key'), input.body) : undefined,
        language: preferredLanguage(header(event, 'accept-language')),
      });
      return toResponse(result);
    });
  return Object.assign(handler, { route });
}

/** A route's Lambda handler, carrying its row so that a function serving several routes can dispatch to it. */
export type RouteHandler = ((event: Event, context: Context) => Promise<Result>) & { route: RouteDefinition };

/** The actor of a write: the caller, now, and the idempotency key scoped to caller and operation. */
export function actorOf(request: { principal: Principal; idempotency: IdempotencyRequest | undefined }, operation: string): Actor {
  const { subject } = request.principal;
  return {
    subject,
    now: new Date(),
    ...(request.idempotency ? { idempotency: { owner: subject, operation, request: request.idempotency } } : {}),
  };
}

/**
 * An `employee` token reaches only its own NIP (its records, its reminder choice); any of `groups`
 * reaches anyone's. Answering 403 whether or not the other NIP exists reveals nothing about who is
 * registered.
 */
export function assertOwnNipOr(principal: Principal, nip: string, groups: readonly Group[]): void {
  if (hasAnyGroup(principal, groups)) return;
  if (principal.nip !== nip) throw new HttpError(403, { code: 'OWN_RECORDS_ONLY' });
}

/** A stored resource with its version as the ETag. */
export function entityResult(entity: { version: number }, status = 200, headers: Record<string, string> = {}): HttpResult {
  return { status, body: entity, headers: { etag: `"${entity.version}"`, ...headers } };
}

/**
 * Params, query and body parsed together, so that one 400 names every bad field wherever it is
 * (a bad NIP in the path and a bad `limit` in the query are both reported).
 */
function parseRequest(event: Event, route: RouteDefinition): { params: unknown; query: unknown; body: unknown } {
  const errors: FieldError[] = [];
  const attempt = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      errors.push(...error.errors);
      return undefined;
    }
  };
  const params = attempt(() => parseInput(route.params ?? noParams, event.pathParameters ?? {}));
  const query = attempt(() => parseInput(route.query ?? noQuery, event.queryStringParameters ?? {}));
  const body = route.body ? attempt(() => parseInput(route.body!, readBody(event, route))) : undefined;
  if (errors.length) throw new InvalidInputError(errors);
  return { params, query, body };
}

function authorize(event: Event, route: RouteDefinition): Principal | undefined {
  const principal = principalFromEvent(event);
  if (route.access === 'public') return principal;
  if (!principal) throw new HttpError(401, { code: 'TOKEN_REQUIRED' }, { 'www-authenticate': 'Bearer' });
  if (!hasAnyGroup(principal, route.access)) throw new HttpError(403, { code: 'GROUP_REQUIRED', params: { groups: route.access.join(', ') } });
  return principal;
}

function header(event: Event, name: string): string | undefined {
  const headers = event.headers ?? {};
  return headers[name] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function readBody(event: Event, route: RouteDefinition): unknown {
  const raw = event.body == null ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const size = Buffer.byteLength(raw);
  if (size > limit) throw new HttpError(413, { code: 'BODY_OVER_LIMIT', params: { size, limit } });
  const accepted = route.bodyTypes ?? ['application/json'];
  const mediaType = header(event, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!mediaType) throw new HttpError(415, { code: 'CONTENT_TYPE_MISSING', params: { accepted: accepted.join(', ') } });
  if (!accepted.includes(mediaType)) throw new HttpError(415, { code: 'CONTENT_TYPE_UNSUPPORTED', params: { type: mediaType, accepted: accepted.join(', ') } });
  if (raw.trim() === '') throw new InvalidInputError([fieldError('', 'BODY_EMPTY')]);
  if (!mediaType.endsWith('json')) return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new InvalidInputError([fieldError('', 'BODY_NOT_JSON', { reason: (error as Error).message })]);
  }
}

const VERSION_TAG = /^"?(\d{1,15})"?$/;

/**
 * `If-Match` as RFC 9110 §13.1.1 reads it: `*` matches any current version, a strong ETag
 * matches its version, and a weak one (`W/"3"`) never matches a write.
 */
function expectedVersion(event: Event, optional: boolean): VersionPrecondition | undefined {
  const value = header(event, 'if-match')?.trim();
  if (!value && optional) return undefined;
  if (!value) throw new HttpError(428, { code: 'IF_MATCH_REQUIRED' });
  if (value === '*') return 'any';
  if (value.startsWith('W/')) throw new HttpError(412, { code: 'IF_MATCH_WEAK', params: { value } });
  const match = VERSION_TAG.exec(value);
  if (!match) throw new HttpError(412, { code: 'IF_MATCH_UNKNOWN', params: { value } });
  return Number(match[1]);
}

function toResponse(result: HttpResult): Result {
  // A file (an export): its bytes go base64-encoded, as API Gateway expects binary bodies; its headers name its type.
  if (Buffer.isBuffer(result.body)) {
    return { statusCode: result.status, headers: { 'cache-control': 'no-store', ...result.headers }, body: result.body.toString('base64'), isBase64Encoded: true };
  }
  const hasBody = result.body !== undefined;
  // A text body the route typed itself (text/csv) goes out as it is.
  if (typeof result.body === 'string' && result.headers?.['content-type']) {
    return { statusCode: result.status, headers: { 'cache-control': 'no-store', ...result.headers }, body: result.body };
  }
  return {
    statusCode: result.status,
    headers: {
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      'cache-control': 'no-store',
      ...result.headers,
    },
    ...(hasBody ? { body: JSON.stringify(result.body) } : {}),
  };
}
