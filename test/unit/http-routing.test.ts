import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGroups, principalFromEvent } from '../../shared/http/auth.ts';
import { matchRoute } from '../../shared/http/match.ts';
import { routes } from '../../shared/http/routes.ts';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

describe('the route table', () => {
  it('names an existing handler file for every row, and one row per method and path', () => {
    const keys = new Set<string>();
    for (const route of Object.values(routes)) {
      expect(existsSync(`functions/${route.handler}.ts`), route.handler).toBe(true);
      keys.add(`${route.method} ${route.path}`);
    }
    expect(keys.size).toBe(Object.keys(routes).length);
  });
});

describe('matchRoute', () => {
  it('prefers a literal segment over a parameter', () => {
    expect(matchRoute('GET', '/agreements/expiring')).toMatchObject({ kind: 'route', id: 'expiringAgreements' });
    expect(matchRoute('GET', '/agreements/abc')).toMatchObject({ kind: 'route', id: 'getAgreement', params: { id: 'abc' } });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(matchRoute('PUT', '/agreements/abc')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'PATCH'] });
    expect(matchRoute('GET', '/agreements/abc/unknown')).toEqual({ kind: 'not-found' });
    expect(matchRoute('GET', '/agreements//history')).toEqual({ kind: 'not-found' });
  });
});

describe('groups from claims', () => {
  it('reads the flattened string that HTTP APIs pass, and real arrays', () => {
    expect(parseGroups('[auditor employee]')).toEqual(['auditor', 'employee']);
    expect(parseGroups(['agreements-admin', 'unknown'])).toEqual(['agreements-admin']);
    expect(parseGroups('training-admin')).toEqual(['training-admin']);
    expect(parseGroups(undefined)).toEqual([]);
  });

  it('builds no principal without a subject', () => {
    const event = { requestContext: { authorizer: { jwt: { claims: { 'cognito:groups': '[auditor]' } } } } } as unknown as APIGatewayProxyEventV2;
    expect(principalFromEvent(event)).toBeUndefined();
  });
});
