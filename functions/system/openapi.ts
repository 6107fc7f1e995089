import { httpHandler } from '../../shared/http/handler.ts';
import { openApiDocument } from '../../shared/http/openapi.ts';
import { routes } from '../../shared/http/routes.ts';

export const handler = httpHandler(routes.openapi, async () => ({ status: 200, body: openApiDocument() }));
