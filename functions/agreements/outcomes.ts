import { httpHandler } from '../../shared/http/handler.ts';
import { trainingRoutes } from '../../shared/training/routes.ts';
import { agreementOutcomes } from '../../shared/agreements/outcomes.ts';

export const handler = httpHandler(trainingRoutes.agreementOutcomes, async ({ params }) => ({ status: 200, body: await agreementOutcomes(params.id) }));
