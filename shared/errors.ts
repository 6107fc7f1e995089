/**
 * What can go wrong in a use case, in domain words. The HTTP layer (shared/http/problem.ts)
 * maps each to a status code; services never speak HTTP.
 */
export interface FieldError {
  /** Dotted path of the offending field, e.g. `partners.0.country`; `''` for the whole body. */
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: 'invalid' | 'not-found' | 'conflict' | 'stale' | 'version-required' | 'unprocessable';
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input breaks a rule that the caller can see in the input itself. */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid';
  constructor(errors: FieldError[], message = describeFields(errors)) {
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

function describeFields(errors: FieldError[]): string {
  const listed = errors.map((error) => `${error.path || 'body'} ${error.message}`).join('; ');
  return errors.length === 1 ? `Invalid field: ${listed}` : `${errors.length} invalid fields: ${listed}`;
}
