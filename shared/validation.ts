import * as z from 'zod/mini';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import { InvalidInputError, type FieldError } from './errors.ts';

/** Zod issues as field errors: one per offending field, each naming what is wrong. */
export function fieldErrors(issues: readonly $ZodIssue[], prefix: readonly PropertyKey[] = []): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: dotted([...path, key]), message: 'is not a known field' }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length) {
      // Report the branch that got furthest rather than "invalid input".
      const deepest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      return fieldErrors(deepest, path);
    }
    // With `reportInput`, an absent field is an issue whose input is undefined, whatever its code.
    const missing = issue.code !== 'custom' && 'input' in issue && issue.input === undefined;
    return [{ path: dotted(path), message: missing ? 'is required' : lowerFirst(issue.message) }];
  });
}

/** Parse or throw an InvalidInputError naming every bad field. */
export function parseInput<S extends $ZodType>(schema: S, input: unknown, prefix: readonly PropertyKey[] = []): z.output<S> {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (!result.success) throw new InvalidInputError(fieldErrors(result.error.issues, prefix));
  return result.data;
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function lowerFirst(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
