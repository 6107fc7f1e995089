import type * as z from 'zod/mini';
import type { Group } from './auth.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The DynamoDB actions a route performs (a TransactWriteItems is checked by IAM item by item,
 * as the Put/Update/Delete/ConditionCheck it holds). Scan is not in the list: no route may scan.
 */
export type TableAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem' | 'ConditionCheckItem' | 'BatchWriteItem';

type Schema = z.ZodMiniType;

/**
 * What a route does in the file store (shared/files/store.ts), under a key prefix: PutObject to
 * presign an upload, GetObject to presign a download, DeleteObject to remove. Its function's role
 * holds exactly these on `<prefix>*` (infra/files.ts), as it holds its table actions.
 */
export interface ObjectAccess {
  action: 'PutObject' | 'GetObject' | 'DeleteObject';
  prefix: string;
}

/**
 * One row of the route table. The same row drives the CDK API (its function's role and
 * integration), the local server, the request parsing in shared/http/handler.ts, and the
 * OpenAPI document.
 */
export interface RouteDefinition {
  method: Method;
  /** API Gateway syntax: `/agreements/{id}`. */
  path: string;
  /** The module under functions/, without extension, that handles the route: `agreements/create`. */
  handler: string;
  /** `public` (no token) or the groups allowed to call the route. */
  access: 'public' | readonly Group[];
  /** Exactly the table actions the route uses: its function's role holds the union of its routes' (infra/lambda.ts). */
  actions: readonly TableAction[];
  /** What it does in the file store, if anything. */
  objects?: readonly ObjectAccess[];
  summary: string;
  tag: string;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** Media types accepted for the body; the first is what OpenAPI documents. */
  bodyTypes?: readonly string[];
  /** Largest accepted body in bytes (default 1 MB). */
  maxBodyBytes?: number;
  /** The route honours `Idempotency-Key`. */
  idempotent?: boolean;
  /** `true`: needs `If-Match`; `'optional'`: without it, the request may only create. */
  conditional?: true | 'optional';
  /** Seconds the route may need when the default (10 s) is too short; API Gateway stops waiting at 29 s. */
  timeoutSeconds?: number;
  /** Success status and the schema of its body (`null` for none); `alsoStatus` for a second success code (201 on create). */
  success: {
    status: number;
    alsoStatus?: number;
    schema: Schema | null;
    description: string;
    /** Default application/json. */
    contentType?: string;
    /** Media types of a file answered with `status` itself (exports); `schema` then describes the `alsoStatus` answer. */
    files?: readonly string[];
  };
  /** Error statuses the route may answer besides those every route may (400/401/403/500/503). */
  errors?: readonly number[];
}

/** Keeps each row's literal types so that handlers see typed `params`, `query` and `body`. */
export function defineRoutes<const T extends Record<string, RouteDefinition>>(table: T): T {
  return table;
}

type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface ParsedInput<R extends RouteDefinition> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
}
