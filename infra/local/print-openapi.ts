import { openApiDocument } from '../../shared/http/openapi.ts';

/** `npm run -s openapi > openapi.json`: the API's OpenAPI document, as GET /openapi.json serves it. */
console.log(JSON.stringify(openApiDocument(), null, 2));
