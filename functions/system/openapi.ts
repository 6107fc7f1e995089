import { httpHandler } from '../../shared/http/handler.ts';
import { openApiDocument } from '../../shared/http/openapi.ts';
import { systemRoutes } from '../../shared/system/routes.ts';

export const handler = httpHandler(systemRoutes.openapi, async () => ({ status: 200, body: openApiDocument() }));
