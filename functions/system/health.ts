import { httpHandler } from '../../shared/http/handler.ts';
import { systemRoutes } from '../../shared/system/routes.ts';

export const handler = httpHandler(systemRoutes.health, async () => ({ status: 200, body: { status: 'ok' } }));
