import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError, NotFoundError, StaleVersionError, UnprocessableError, VersionRequiredError, type DomainError } from '../../shared/errors.ts';
import { HttpError, isTransient, problemFromError, problemResponse } from '../../shared/http/problem.ts';

const bodyOf = (response: { body?: string }) => JSON.parse(response.body ?? '') as Record<string, unknown>;

/** What every problem carries whatever else: its media type and the language it is written in. */
const problemHeaders = (language = 'en') => ({ 'content-type': 'application/problem+json', 'content-language': language, vary: 'accept-language' });

/** An error as the AWS SDK or Node raise it: a name, sometimes a code. */
const failure = (name: string, code?: unknown) => Object.assign(new Error('failed'), { name }, code === undefined ? {} : { code });

describe('problemResponse', () => {
  it('answers RFC 9457 problem+json with a type, title, status and detail, and nothing empty', () => {
    const response = problemResponse(404, 'No agreement has this id.');
    expect(response.statusCode).toBe(404);
    expect(response.headers).toEqual(problemHeaders());
    expect(bodyOf(response)).toEqual({ type: 'urn:jalin:problem:not-found', title: 'Not found', status: 404, code: 'NOT_FOUND', detail: 'No agreement has this id.' });
    expect(bodyOf(problemResponse(400, 'Bad.', { instance: '', errors: [] }))).not.toHaveProperty('errors');
    expect(bodyOf(problemResponse(400, 'Bad.', { instance: '', errors: [] }))).not.toHaveProperty('instance');
  });

  it.each([
    [400, 'invalid-request', 'The request is invalid'],
    [401, 'unauthenticated', 'Authentication required'],
    [403, 'forbidden', 'Not allowed'],
    [404, 'not-found', 'Not found'],
    [405, 'method-not-allowed', 'Method not allowed'],
    [409, 'conflict', 'Conflict with the current state'],
    [412, 'stale-version', 'The resource has changed'],
    [413, 'body-too-large', 'The request body is too large'],
    [415, 'unsupported-media-type', 'Unsupported content type'],
    [422, 'unprocessable', 'The request cannot be processed'],
    [428, 'precondition-required', 'If-Match required'],
    [500, 'internal', 'Internal error'],
    [503, 'unavailable', 'Service temporarily unavailable'],
    [418, 'error', 'Error'],
  ])('names status %i urn:jalin:problem:%s, "%s"', (status, slug, title) => {
    expect(bodyOf(problemResponse(status, 'detail'))).toMatchObject({ type: `urn:jalin:problem:${slug}`, title, status });
  });

  it('carries the instance, the field errors and extra headers when given', () => {
    const response = problemResponse(400, '1 invalid field', {
      instance: '/agreements/x',
      errors: [{ path: 'endsOn', message: 'must be on or after startsOn' }],
      headers: { 'retry-after': '2' },
    });
    expect(response.headers).toEqual({ ...problemHeaders(), 'retry-after': '2' });
    expect(bodyOf(response)).toMatchObject({ instance: '/agreements/x', errors: [{ path: 'endsOn', code: 'FIELD_INVALID', message: 'must be on or after startsOn' }] });
  });
});

describe('problemFromError', () => {
  it('keeps the status, message, headers and errors of an HttpError; nothing to alarm on', () => {
    const error = new HttpError(405, 'Use GET or PATCH.', { allow: 'GET, PATCH' });
    expect(error).toMatchObject({ name: 'HttpError', status: 405, message: 'Use GET or PATCH.', errors: [] });
    const { response, internal } = problemFromError(error, '/agreements/x');
    expect(internal).toBe(false);
    expect(response.statusCode).toBe(405);
    expect(response.headers).toEqual({ ...problemHeaders(), allow: 'GET, PATCH' });
    expect(bodyOf(response)).toEqual({
      type: 'urn:jalin:problem:method-not-allowed',
      title: 'Method not allowed',
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      detail: 'Use GET or PATCH.',
      instance: '/agreements/x',
    });
    expect(new HttpError(400, 'x').headers).toEqual({});
    const withErrors = problemFromError(new HttpError(400, 'Bad query.', {}, [{ path: 'limit', message: 'too big' }])).response;
    expect(bodyOf(withErrors).errors).toEqual([{ path: 'limit', code: 'FIELD_INVALID', message: 'too big' }]);
  });

  it.each<[DomainError, number]>([
    [new InvalidInputError([{ path: 'title', message: 'is required' }]), 400],
    [new NotFoundError('No such agreement.'), 404],
    [new ConflictError('Closed.'), 409],
    [new StaleVersionError('Changed.'), 412],
    [new UnprocessableError('No such parent.'), 422],
    [new VersionRequiredError('Send If-Match.'), 428],
  ])('maps the domain error %s to its status', (error, status) => {
    const { response, internal } = problemFromError(error, '/x');
    expect(internal).toBe(false);
    expect(response.statusCode).toBe(status);
    expect(bodyOf(response)).toMatchObject({ status, detail: error.message, instance: '/x' });
    expect(bodyOf(response).errors).toEqual(error.errors.length ? error.errors.map((field) => ({ code: 'FIELD_INVALID', ...field })) : undefined);
  });

  it('asks to retry after a transient failure, and flags it', () => {
    const { response, internal } = problemFromError(failure('ThrottlingException'), '/x');
    expect(internal).toBe(true);
    expect(response.statusCode).toBe(503);
    expect(response.headers).toEqual({ ...problemHeaders(), 'retry-after': '2' });
    expect(bodyOf(response)).toEqual({
      type: 'urn:jalin:problem:unavailable',
      title: 'Service temporarily unavailable',
      status: 503,
      code: 'DATABASE_TIMEOUT',
      detail: 'The database did not answer in time. Retry shortly.',
      instance: '/x',
    });
  });

  it('hides anything else behind a 500 and flags it', () => {
    for (const thrown of [new TypeError('x is undefined'), 'a string', undefined]) {
      const { response, internal } = problemFromError(thrown, '/x');
      expect(internal).toBe(true);
      expect(response.statusCode).toBe(500);
      expect(bodyOf(response)).toEqual({
        type: 'urn:jalin:problem:internal',
        title: 'Internal error',
        status: 500,
        code: 'UNEXPECTED_ERROR',
        detail: 'An unexpected error occurred. It has been logged.',
        instance: '/x',
      });
    }
  });
});

describe('isTransient', () => {
  it.each(['TimeoutError', 'RequestTimeout', 'ProvisionedThroughputExceededException', 'ThrottlingException', 'TransactionConflictException', 'RequestLimitExceeded', 'InternalServerError', 'ServiceUnavailable'])(
    'is true for the SDK error %s',
    (name) => expect(isTransient(failure(name))).toBe(true),
  );

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'])('is true for the network code %s', (code) => {
    expect(isTransient(failure('Error', code))).toBe(true);
  });

  it('is false for anything else', () => {
    expect(isTransient(failure('ConditionalCheckFailedException'))).toBe(false);
    expect(isTransient(failure('Error', 'ENOENT'))).toBe(false);
    expect(isTransient(failure('Error', 104))).toBe(false);
    expect(isTransient(new Error('ECONNRESET'))).toBe(false);
    expect(isTransient({ name: 'ThrottlingException', code: 'ECONNRESET' })).toBe(false);
    expect(isTransient('ThrottlingException')).toBe(false);
  });
});
