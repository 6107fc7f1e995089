import type { z } from 'zod';
import type { Group } from './auth.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One row of the route table. The same row drives the CDK API (one function per row), the
 * local server, the request parsing in shared/http/handler.ts, and the OpenAPI document.
 */
export interface RouteDefinition {
  method: Method;
  /** API Gateway syntax: `/agreements/{id}`. */
  path: string;
  /** The entry under functions/, without extension: `agreements/create`. */
  handler: string;
  /** `public` (no token) or the groups allowed to call the route. */
  access: 'public' | readonly Group[];
  /** What the function may do to the table: CDK grants exactly this (infra/lambda.ts). */
  table: 'none' | 'read' | 'read-write';
  summary: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Media types accepted for the body; the first is what OpenAPI documents. */
  bodyTypes?: readonly string[];
  /** Largest accepted body in bytes (default 1 MB). */
  maxBodyBytes?: number;
  /** The route honours `Idempotency-Key`. */
  idempotent?: boolean;
  /** `true`: needs `If-Match: "<version>"`; `'optional'`: without it, the request may only create. */
  conditional?: true | 'optional';
  /** Lambda timeout when the default (10 s) is too short; API Gateway stops waiting at 29 s. */
  timeoutSeconds?: number;
  /** Success status and the schema of its body (`null` for none). */
  success: { status: number; schema: z.ZodType | null; description: string };
  /** Error statuses the route may answer besides 400/401/403/500/503. */
  errors?: readonly number[];
}

/** Keeps each row's literal types so that handlers see typed `params`, `query` and `body`. */
export function defineRoutes<const T extends Record<string, RouteDefinition>>(table: T): T {
  return table;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ParsedInput<R extends RouteDefinition> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
}
