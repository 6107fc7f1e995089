/** RFC 9457 problem details as the API answers them; field errors carry a `path` (and a `code`). */
export interface FieldProblem {
  path: string;
  message: string;
  code?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
  'invalid-params'?: FieldProblem[];
}

/** A failed API call: its status and, when the API said why, its problem. */
export class ApiError extends Error {
  constructor(readonly problem: Problem, readonly etag?: string) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** Field errors by path (`partners.0.name`), whichever of the two names the API used. */
  fieldErrors(): Record<string, string> {
    const list = this.problem.errors ?? this.problem['invalid-params'] ?? [];
    return Object.fromEntries(list.map((error) => [error.path, error.message]));
  }
}

export async function problemOf(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status };
  try {
    const body: unknown = await response.clone().json();
    if (body && typeof body === 'object') problem = { ...(body as Problem), status: response.status };
  } catch {
    // Not JSON (a proxy's page): the status alone says what happened.
  }
  return new ApiError(problem, response.headers.get('etag') ?? undefined);
}

/**
 * A missing endpoint (another part of the API not deployed yet) reads as "nothing to show".
 * `/agreements/dormant` and `/agreements/statistics` fall into `GET /agreements/{id}` until
 * they exist, which refuses their query string with a 400: `shadowed` counts that as missing.
 */
export function isMissing(error: unknown, options: { shadowed?: boolean } = {}): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 404 || error.status === 405 || (!!options.shadowed && error.status === 400);
}
