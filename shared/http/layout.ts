import type { RouteDefinition } from './route.ts';

/**
 * Which Lambda function serves a route. A person opening the console calls a dozen read routes
 * in a minute; with one function per route each of those paid its own cold start. Grouping by
 * what a route may do keeps least privilege where it matters (no reader can write, nothing
 * public can touch the table) and lets a whole browsing session warm one function: the
 * figures behind the choice are in bench/RESULTS.md (cold session) and the README.
 *
 *   public  health, the OpenAPI document and API Gateway's $default (404/405): no table access
 *   read    every authorized GET: GetItem, Query, BatchGetItem at most
 *   write   every authorized POST, PUT, PATCH and DELETE
 *   files   the routes that act in the file store (rows with `objects`): the S3 client and its
 *           presigner weigh ~190 KB, which read and write would otherwise load at every cold
 *           start; the files function wakes only when someone uploads, downloads or deletes a file
 *   export  the CSV/XLSX exports (handlers under functions/exports/): reads like `read`, plus the
 *           file writers, a 29 s timeout and the file store; apart, so that the read function's
 *           bundle and cold start do not carry them
 */
export const apiFunctionNames = ['public', 'read', 'write', 'files', 'export'] as const;
export type ApiFunctionName = (typeof apiFunctionNames)[number];

export function apiFunctionOf(route: Pick<RouteDefinition, 'access' | 'method' | 'handler' | 'objects'>): ApiFunctionName {
  if (route.access === 'public') return 'public';
  if (route.handler.startsWith('exports/')) return 'export';
  if (route.objects?.length) return 'files';
  return route.method === 'GET' ? 'read' : 'write';
}

/** The entry module of each API function under functions/ (its router). */
export const apiFunctionEntry = (name: ApiFunctionName) => `api/${name}`;
