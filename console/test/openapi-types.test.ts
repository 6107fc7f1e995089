import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { openApiTypes, typesFile } from '../scripts/openapi-types.ts';

it("the console's API types are those of the current OpenAPI document (run `npm run console:types` after changing a route)", async () => {
  expect(await readFile(typesFile, 'utf8')).toBe(await openApiTypes());
});
