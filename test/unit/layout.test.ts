import { describe, expect, it } from 'vitest';
import { handler as exportFunction } from '../../functions/api/export.ts';
import { handler as publicFunction } from '../../functions/api/public.ts';
import { handler as readFunction } from '../../functions/api/read.ts';
import { handler as writeFunction } from '../../functions/api/write.ts';
import { handler as filesFunction } from '../../functions/api/files.ts';
import { apiFunctionNames, apiFunctionOf, type ApiFunctionName } from '../../shared/http/layout.ts';
import type { RouteDefinition } from '../../shared/http/route.ts';
import { routes } from '../../shared/http/routes.ts';

const entries: Record<ApiFunctionName, { routeKeys: string[] }> = { public: publicFunction, read: readFunction, write: writeFunction, files: filesFunction, export: exportFunction };

describe('the function layout', () => {
  it.each(apiFunctionNames)('the %s function serves exactly the rows the layout gives it', (name) => {
    const expected = Object.values(routes as Record<string, RouteDefinition>)
      .filter((route) => apiFunctionOf(route) === name)
      .map((route) => `${route.method} ${route.path}`);
    expect([...entries[name].routeKeys].sort()).toEqual(expected.sort());
  });

  it('gives readers and exports no write, and the public function no table', () => {
    for (const route of Object.values(routes as Record<string, RouteDefinition>)) {
      if (['read', 'export'].includes(apiFunctionOf(route))) expect(route.actions.filter((action) => !['GetItem', 'Query', 'BatchGetItem'].includes(action)), route.path).toEqual([]);
      if (apiFunctionOf(route) === 'public') expect(route.actions, route.path).toEqual([]);
    }
  });
});
