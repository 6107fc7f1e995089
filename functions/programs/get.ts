import { entityResult, httpHandler } from '../../shared/http/handler.ts';
import { programRoutes } from '../../shared/training/programs/routes.ts';
import { readProgram } from '../../shared/training/programs/service.ts';

export const handler = httpHandler(programRoutes.getProgram, async ({ params }) => entityResult(await readProgram(params.id)));
