import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type FieldError } from '../errors.ts';

/**
 * RFC 9457 problem details. Every error response of the API is built here, so that each has
 * `type`, `title`, `status` and a `detail` that names what to fix.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
}

/** An error that already knows its HTTP status: raised by the HTTP layer itself. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const titles: Record<number, [slug: string, title: string]> = {
  400: ['invalid-request', 'The request is invalid'],
  401: ['unauthenticated', 'Authentication required'],
  403: ['forbidden', 'Not allowed'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict with the current state'],
  412: ['stale-version', 'The resource has changed'],
  413: ['body-too-large', 'The request body is too large'],
  415: ['unsupported-media-type', 'Unsupported content type'],
  422: ['unprocessable', 'The request cannot be processed'],
  428: ['precondition-required', 'If-Match required'],
  431: ['header-too-large', 'Request header fields too large'],
  500: ['internal', 'Internal error'],
  503: ['unavailable', 'Service temporarily unavailable'],
};

const domainStatus: Record<DomainError['kind'], number> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  stale: 412,
  'version-required': 428,
  unprocessable: 422,
};

/** Network-level failures and throttling of DynamoDB: the caller should simply retry later. */
const transientCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);
const transientNames = new Set([
  'TimeoutError',
  'RequestTimeout',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'TransactionConflictException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);

export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return transientNames.has(error.name) || (typeof code === 'string' && transientCodes.has(code));
}

export function problemResponse(
  status: number,
  detail: string,
  options: { instance?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
): APIGatewayProxyStructuredResultV2 {
  const [slug, title] = titles[status] ?? ['error', 'Error'];
  const problem: Problem = {
    type: `urn:jalin:problem:${slug}`,
    title,
    status,
    detail,
    ...(options.instance ? { instance: options.instance } : {}),
    ...(options.errors?.length ? { errors: options.errors } : {}),
  };
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', ...options.headers },
    body: JSON.stringify(problem),
  };
}

/** Any thrown value as a problem response; `internal` is true for the ones worth an alarm. */
export function problemFromError(error: unknown, instance?: string): { response: APIGatewayProxyStructuredResultV2; internal: boolean } {
  if (error instanceof HttpError) {
    return { response: problemResponse(error.status, error.message, { instance, errors: error.errors, headers: error.headers }), internal: false };
  }
  if (error instanceof DomainError) {
    return { response: problemResponse(domainStatus[error.kind], error.message, { instance, errors: error.errors }), internal: false };
  }
  if (isTransient(error)) {
    return {
      response: problemResponse(503, 'The database did not answer in time. Retry shortly.', { instance, headers: { 'retry-after': '2' } }),
      internal: true,
    };
  }
  return { response: problemResponse(500, 'An unexpected error occurred. It has been logged.', { instance }), internal: true };
}
