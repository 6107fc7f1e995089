import { httpHandler } from '../../shared/http/handler.ts';
import { routes } from '../../shared/http/routes.ts';
import { targetOf } from '../../shared/training/service.ts';

export const handler = httpHandler(routes.getTarget, async ({ params }) => ({ status: 200, body: await targetOf(params.year) }));
