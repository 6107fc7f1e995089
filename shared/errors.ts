import { isMessageCode, render, type Language, type MessageCode, type Params } from './i18n/messages.ts';

/**
 * What can go wrong in a use case, in domain words. The HTTP layer (shared/http/problem.ts)
 * maps each to a status code and answers in the caller's language; services never speak HTTP.
 */
export interface FieldError {
  /** Dotted path of the offending field, e.g. `partners.0.country`; `''` for the whole body. */
  path: string;
  /** In English; the HTTP layer words it again in the caller's language when `code` is in the catalogue. */
  message: string;
  /** Its stable code (shared/i18n/messages.ts); without one, the answer says FIELD_INVALID and keeps the message. */
  code?: string;
  params?: Params;
}

/** A message of the catalogue with what fills it: how errors say what went wrong in either language. */
export interface Explained {
  code: MessageCode;
  params?: Params;
}

/** A field error's message in `language`: from the catalogue when it has a code there, else as raised (English). */
export function messageIn(error: FieldError, language: Language): string {
  return isMessageCode(error.code) ? render(error.code, error.params, language) : error.message;
}

/** A field error from the catalogue, its message in English. */
export function fieldError(path: string, code: MessageCode, params?: Params): FieldError {
  return { path, message: render(code, params), code, ...(params ? { params } : {}) };
}

export abstract class DomainError extends Error {
  abstract readonly kind: 'invalid' | 'not-found' | 'conflict' | 'stale' | 'version-required' | 'unprocessable';
  /** Set when the error comes from the catalogue; an error raised with a plain message has none. */
  readonly code?: MessageCode;
  readonly params?: Params;
  constructor(
    message: string | Explained,
    readonly errors: FieldError[] = [],
  ) {
    super(typeof message === 'string' ? message : render(message.code, { ...message.params, fields: describeFields(errors) }));
    this.name = new.target.name;
    if (typeof message !== 'string') {
      this.code = message.code;
      this.params = message.params;
    }
  }
}

/** The input breaks a rule that the caller can see in the input itself. */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid';
  constructor(errors: FieldError[], message: string | Explained = { code: 'INVALID_FIELDS' }) {
    super(message, errors);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
}

/** The request clashes with the state of the stored data (a duplicate, a closed agreement…). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** The caller's `If-Match` version is no longer the stored one. */
export class StaleVersionError extends DomainError {
  readonly kind = 'stale';
}

/** A write would replace stored data without naming the version it read (`If-Match`). */
export class VersionRequiredError extends DomainError {
  readonly kind = 'version-required';
}

/** Well-formed input that refers to something that does not exist or cannot be used. */
export class UnprocessableError extends DomainError {
  readonly kind = 'unprocessable';
}

/** The field errors in one sentence, for a message's `{fields}`. */
function describeFields(errors: FieldError[]): string {
  return errors.map((error) => `${error.path || render('BODY')} ${error.message}`).join('; ');
}
