import * as z from 'zod/mini';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import { fieldError, InvalidInputError, type FieldError } from './errors.ts';
import { isMessageCode, type MessageCode, type Params } from './i18n/messages.ts';

/**
 * A check's error option naming a catalogue code, so that its message exists in both languages.
 * zod keeps only the message of a built-in check (`z.minLength(1, coded('TEXT_EMPTY'))`), so
 * the message is the code; a refinement also carries the code and its parameters as `params`.
 */
export function coded(code: MessageCode, params?: Params): { message: string; params: { code: MessageCode; values?: Params } } {
  return { message: code, params: { code, ...(params ? { values: params } : {}) } };
}

/** A field error raised inside a refinement (`context.addIssue`), keeping its code. */
export function issueOf(error: FieldError): { message: string; params: { code?: string; values?: Params } } {
  return { message: error.message, params: { code: error.code, ...(error.params ? { values: error.params } : {}) } };
}

/** Zod issues as field errors: one per offending field, each with its code and what is wrong. */
export function fieldErrors(issues: readonly $ZodIssue[], prefix: readonly PropertyKey[] = []): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => fieldError(dotted([...path, key]), 'FIELD_UNKNOWN'));
    if (issue.code === 'invalid_union' && issue.errors.length) {
      // Report the branch that got furthest rather than "invalid input".
      const deepest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      return fieldErrors(deepest, path);
    }
    const explained = explain(issue);
    return [explained ? fieldError(dotted(path), explained.code, explained.params) : { path: dotted(path), message: lowerFirst(issue.message) }];
  });
}

/** Parse or throw an InvalidInputError naming every bad field. */
export function parseInput<S extends $ZodType>(schema: S, input: unknown, prefix: readonly PropertyKey[] = []): z.output<S> {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (!result.success) throw new InvalidInputError(fieldErrors(result.error.issues, prefix));
  return result.data;
}

const expectedCodes: Partial<Record<string, MessageCode>> = {
  string: 'EXPECTED_TEXT',
  number: 'EXPECTED_NUMBER',
  int: 'EXPECTED_NUMBER',
  boolean: 'EXPECTED_BOOLEAN',
  array: 'EXPECTED_LIST',
  object: 'EXPECTED_OBJECT',
};

/**
 * An issue's catalogue code: the one its check named, else one for its kind. zod/mini's own
 * locales word a message for the whole process (`z.config`), or per parse (`{ error }`), but in
 * their own words ("Input tidak valid: diharapkan string…") and one bundle per language; the
 * catalogue words every kind once, as the rest of the API's messages, and the parse does not
 * depend on the caller's language.
 */
function explain(issue: $ZodIssue): { code: MessageCode; params?: Params } | undefined {
  const named = issue.code === 'custom' ? (issue.params as { code?: unknown; values?: Params } | undefined) : undefined;
  if (isMessageCode(named?.code)) return { code: named.code, ...(named.values ? { params: named.values } : {}) };
  // With `reportInput`, an absent field is an issue whose input is undefined, whatever its code.
  if (issue.code !== 'custom' && 'input' in issue && issue.input === undefined) return { code: 'FIELD_REQUIRED' };
  if (isMessageCode(issue.message)) return { code: issue.message };
  const list = issue.code === 'too_small' || issue.code === 'too_big' ? issue.origin === 'array' || issue.origin === 'set' : false;
  switch (issue.code) {
    case 'invalid_type':
      return { code: expectedCodes[issue.expected] ?? 'TYPE_INVALID' };
    case 'invalid_value':
      return { code: 'VALUE_NOT_ALLOWED', params: { values: issue.values.map((value) => String(value)).join(', ') } };
    case 'too_small':
      return { code: issue.origin === 'string' ? 'TOO_SHORT' : list ? 'TOO_FEW' : 'TOO_SMALL', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      return { code: issue.origin === 'string' ? 'TOO_LONG' : list ? 'TOO_MANY' : 'TOO_LARGE', params: { maximum: Number(issue.maximum) } };
    case 'not_multiple_of':
      return { code: 'NOT_MULTIPLE', params: { divisor: issue.divisor } };
    case 'invalid_format':
      return { code: issue.format === 'email' ? 'EMAIL_INVALID' : 'FORMAT_INVALID' };
    default:
      return undefined;
  }
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
