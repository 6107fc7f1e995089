import type { Method, RouteDefinition } from './route.ts';
import { routes } from './routes.ts';

export type RouteMatch =
  | { kind: 'route'; id: string; route: RouteDefinition; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: Method[] }
  | { kind: 'not-found' };

interface Row {
  id: string;
  route: RouteDefinition;
  segments: string[];
  literals: number;
}

/**
 * The rows by their number of segments, each list sorted once (stably: table order among equals)
 * with the most literal segments first. Per request, only rows of the right length are tried, in
 * an order that already answers "most literal wins"; it used to bind, filter and sort every row.
 */
const rowsByLength = new Map<number, Row[]>();
for (const [id, route] of Object.entries(routes as Record<string, RouteDefinition>)) {
  const segments = route.path.split('/').filter(Boolean);
  const row = { id, route, segments, literals: segments.filter((segment) => !segment.startsWith('{')).length };
  rowsByLength.set(segments.length, [...(rowsByLength.get(segments.length) ?? []), row]);
}
for (const rows of rowsByLength.values()) rows.sort((a, b) => b.literals - a.literals);

/**
 * Which row of the route table serves a request, as API Gateway decides it: a literal segment
 * wins over a `{param}` (so `/agreements/expiring` is not agreement "expiring").
 */
export function matchRoute(method: string, path: string): RouteMatch {
  // Empty segments are kept so that `/agreements//history` matches nothing.
  const parts = path.split('/').slice(1).map(safeDecode);
  const wanted = method.toUpperCase();
  let best: number | undefined;
  const allowed: Method[] = [];
  for (const row of rowsByLength.get(parts.length) ?? []) {
    // Sorted: once a row has matched, rows with fewer literals cannot be the best.
    if (best !== undefined && row.literals < best) break;
    const params = bind(row.segments, parts);
    if (!params) continue;
    best = row.literals;
    if (row.route.method === wanted) return { kind: 'route', id: row.id, route: row.route, params };
    allowed.push(row.route.method);
  }
  return best === undefined ? { kind: 'not-found' } : { kind: 'method-not-allowed', allowed };
}

function bind(segments: string[], parts: (string | undefined)[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const part = parts[index];
    if (part === undefined || part === '') return undefined;
    if (segment.startsWith('{')) params[segment.slice(1, -1)] = part;
    else if (segment !== part) return undefined;
  }
  return params;
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
