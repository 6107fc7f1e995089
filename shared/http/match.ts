import type { Method, RouteDefinition } from './route.ts';
import { routes } from './routes.ts';

export type RouteMatch =
  | { kind: 'route'; id: string; route: RouteDefinition; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: Method[] }
  | { kind: 'not-found' };

const table = Object.entries(routes as Record<string, RouteDefinition>).map(([id, route]) => ({
  id,
  route,
  segments: route.path.split('/').filter(Boolean),
}));

/**
 * Which row of the route table serves a request, as API Gateway decides it: a literal segment
 * wins over a `{param}` (so `/agreements/expiring` is not agreement "expiring").
 */
export function matchRoute(method: string, path: string): RouteMatch {
  // Empty segments are kept so that `/agreements//history` matches nothing.
  const parts = path.split('/').slice(1).map(safeDecode);
  const candidates = table
    .map((entry) => ({ entry, params: bind(entry.segments, parts) }))
    .filter((candidate): candidate is { entry: (typeof table)[number]; params: Record<string, string> } => candidate.params !== undefined)
    .sort((a, b) => literalCount(b.entry.segments) - literalCount(a.entry.segments));
  if (candidates.length === 0) return { kind: 'not-found' };
  const best = literalCount(candidates[0]!.entry.segments);
  const samePath = candidates.filter((candidate) => literalCount(candidate.entry.segments) === best);
  const hit = samePath.find((candidate) => candidate.entry.route.method === method.toUpperCase());
  if (hit) return { kind: 'route', id: hit.entry.id, route: hit.entry.route, params: hit.params };
  return { kind: 'method-not-allowed', allowed: samePath.map((candidate) => candidate.entry.route.method) };
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

function literalCount(segments: string[]): number {
  return segments.filter((segment) => !segment.startsWith('{')).length;
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
