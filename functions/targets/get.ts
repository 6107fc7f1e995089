import { httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { targetOf } from '../../shared/training/service/targets.ts';

export const handler = httpHandler(trainingRoutes.getTarget, async ({ params }) => ({ status: 200, body: await targetOf(params.year) }));
