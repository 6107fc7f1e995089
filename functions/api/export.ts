import { routeTo } from '../../shared/http/router.ts';
import { handler as exportAgreements } from '../exports/agreements.ts';
import { handler as exportCompliance } from '../exports/compliance.ts';
import { handler as exportTrainings } from '../exports/trainings.ts';

/** The `export` API function: the CSV/XLSX exports (shared/http/layout.ts), apart so that their writers stay out of `read`. */
export const handler = routeTo([exportAgreements, exportCompliance, exportTrainings]);
