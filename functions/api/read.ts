import { routeTo } from '../../shared/http/router.ts';
import { handler as agreementHistory } from '../agreements/history.ts';
import { handler as agreementOutcomes } from '../agreements/outcomes.ts';
import { handler as agreementStatistics } from '../agreements/statistics.ts';
import { handler as dormantAgreements } from '../agreements/dormant.ts';
import { handler as searchAgreements } from '../agreements/search.ts';
import { handler as expiringAgreements } from '../agreements/expiring.ts';
import { handler as getAgreement } from '../agreements/get.ts';
import { handler as listAgreements } from '../agreements/list.ts';
import { handler as listAlerts } from '../alerts/list.ts';
import { handler as listActivities } from '../activities/list.ts';
import { handler as listDocuments } from '../documents/list.ts';
import { handler as compliance } from '../compliance/list.ts';
import { handler as complianceSummary } from '../compliance/summary.ts';
import { handler as getEmployee } from '../employees/get.ts';
import { handler as listEmployees } from '../employees/list.ts';
import { handler as getImport } from '../imports/get.ts';
import { handler as listImports } from '../imports/list.ts';
import { handler as importRejected } from '../imports/rejected.ts';
import { handler as getTarget } from '../targets/get.ts';
import { handler as getTraining } from '../trainings/get.ts';
import { handler as listTrainings } from '../trainings/list.ts';
import { handler as trainingSummary } from '../trainings/summary.ts';
import { handler as getParticipant } from '../programs/participant-get.ts';
import { handler as getProgram } from '../programs/get.ts';
import { handler as listParticipants } from '../programs/participants-list.ts';
import { handler as listPrograms } from '../programs/list.ts';

/** The `read` API function: every authorized GET (shared/http/layout.ts). */
export const handler = routeTo([
  listAgreements,
  expiringAgreements,
  getAgreement,
  agreementHistory,
  agreementOutcomes,
  getEmployee,
  listEmployees,
  listTrainings,
  getTraining,
  trainingSummary,
  getTarget,
  compliance,
  complianceSummary,
  listAlerts,
  searchAgreements,
  agreementStatistics,
  dormantAgreements,
  listPrograms,
  getProgram,
  listParticipants,
  getParticipant,
  listDocuments,
  listActivities,
  listImports,
  getImport,
  importRejected,
]);
