import { Validator } from '@seriousme/openapi-schema-validator';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { routes } from '../../shared/http/routes.ts';
import { useLocalApi } from '../support/api.ts';

const { call } = useLocalApi();

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document covering every route', async () => {
    const response = await call('GET', '/openapi.json');
    expect(response.status).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(response.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    for (const [id, route] of Object.entries(routes)) {
      const operation = response.body.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.operationId, `${route.method} ${route.path}`).toBe(id);
    }
  });

  it('documents request bodies from the zod schemas', async () => {
    const document = (await call('GET', '/openapi.json')).body;
    const create = document.paths['/agreements'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['title', 'kind', 'partners', 'startsOn', 'endsOn', 'ownerUnit', 'contactEmails']));
    expect(create.properties.kind.enum).toContain('SISTER_CITY');
    expect(create.additionalProperties).toBe(false);
  });

  it('is what `npm run openapi` prints', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'openapi']);
    expect(JSON.parse(stdout)).toEqual((await call('GET', '/openapi.json')).body);
  });
});
