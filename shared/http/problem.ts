import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, messageIn, type Explained, type FieldError } from '../errors.ts';
import { render, type Language, type MessageCode, type Params } from '../i18n/messages.ts';

/**
 * RFC 9457 problem details. Every error response of the API is built here, so that each has
 * `type`, `title`, `status`, a stable `code` and a `detail` that names what to fix, in the
 * caller's language when the catalogue has the message (shared/i18n/messages.ts), in English
 * otherwise.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: { path: string; code: string; message: string }[];
}

/** An error that already knows its HTTP status: raised by the HTTP layer itself. */
export class HttpError extends Error {
  readonly code?: MessageCode;
  readonly params?: Params;
  constructor(
    readonly status: number,
    message: string | Explained,
    readonly headers: Record<string, string> = {},
    readonly errors: FieldError[] = [],
  ) {
    super(typeof message === 'string' ? message : render(message.code, message.params));
    this.name = 'HttpError';
    if (typeof message !== 'string') {
      this.code = message.code;
      this.params = message.params;
    }
  }
}

/** Each status's title, whose code is also that of an error raised without a code of its own. */
const statusCodes: Record<number, MessageCode> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  412: 'STALE_VERSION',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  428: 'PRECONDITION_REQUIRED',
  431: 'HEADER_TOO_LARGE',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** The code a field error without one answers with (its English message is kept). */
export const FALLBACK_FIELD_CODE: MessageCode = 'FIELD_INVALID';

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

export interface ProblemOptions {
  instance?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** The caller's language (shared/i18n/language.ts); English when not given. */
  language?: Language;
}

/**
 * A problem response. `detail` from the catalogue is worded in the caller's language; a plain
 * string (an error without a code yet) is kept as written, in English, under its status's code.
 */
export function problemResponse(status: number, detail: string | Explained, options: ProblemOptions = {}): APIGatewayProxyStructuredResultV2 {
  const requested = options.language ?? 'en';
  const language = typeof detail === 'string' ? 'en' : requested;
  const errors = (options.errors ?? []).map((error) => localizedField(error, requested));
  const statusCode = statusCodes[status] ?? 'ERROR';
  const problem: Problem = {
    type: `urn:jalin:problem:${statusCode.toLowerCase().replaceAll('_', '-')}`,
    title: render(statusCode, {}, language),
    status,
    code: typeof detail === 'string' ? statusCode : detail.code,
    detail: typeof detail === 'string' ? detail : render(detail.code, { ...detail.params, fields: fieldList(errors, language) }, language),
    ...(options.instance ? { instance: options.instance } : {}),
    ...(errors.length ? { errors } : {}),
  };
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', 'content-language': language, vary: 'accept-language', ...options.headers },
    body: JSON.stringify(problem),
  };
}

function localizedField(error: FieldError, language: Language): { path: string; code: string; message: string } {
  return { path: error.path, code: error.code ?? FALLBACK_FIELD_CODE, message: messageIn(error, language) };
}

function fieldList(errors: { path: string; message: string }[], language: Language): string {
  return errors.map((error) => `${error.path || render('BODY', {}, language)} ${error.message}`).join('; ');
}

/** What an error says: its catalogue entry when it has one, else its own message. */
function explanation(error: { message: string; code?: MessageCode; params?: Params }): string | Explained {
  return error.code ? { code: error.code, ...(error.params ? { params: error.params } : {}) } : error.message;
}

/** Any thrown value as a problem response; `internal` is true for the ones worth an alarm. */
export function problemFromError(
  error: unknown,
  instance?: string,
  language: Language = 'en',
): { response: APIGatewayProxyStructuredResultV2; internal: boolean } {
  if (error instanceof HttpError) {
    return { response: problemResponse(error.status, explanation(error), { instance, errors: error.errors, headers: error.headers, language }), internal: false };
  }
  if (error instanceof DomainError) {
    return { response: problemResponse(domainStatus[error.kind], explanation(error), { instance, errors: error.errors, language }), internal: false };
  }
  if (isTransient(error)) {
    return { response: problemResponse(503, { code: 'DATABASE_TIMEOUT' }, { instance, headers: { 'retry-after': '2' }, language }), internal: true };
  }
  return { response: problemResponse(500, { code: 'UNEXPECTED_ERROR' }, { instance, language }), internal: true };
}
