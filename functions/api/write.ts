import { routeTo } from '../../shared/http/router.ts';
import { handler as deleteActivity } from '../activities/delete.ts';
import { handler as recordActivity } from '../activities/record.ts';
import { handler as createAgreement } from '../agreements/create.ts';
import { handler as renewAgreement } from '../agreements/renew.ts';
import { handler as restoreAgreement } from '../agreements/restore.ts';
import { handler as withdrawAgreement } from '../agreements/withdraw.ts';
import { handler as updateAgreement } from '../agreements/update.ts';
import { handler as putEmployee } from '../employees/put.ts';
import { handler as setReminders } from '../employees/reminders.ts';
import { handler as putTarget } from '../targets/put.ts';
import { handler as addTraining } from '../trainings/create.ts';
import { handler as deleteTraining } from '../trainings/delete.ts';
import { handler as importTrainings } from '../trainings/import.ts';
import { handler as addParticipants } from '../programs/roster.ts';
import { handler as createProgram } from '../programs/create.ts';
import { handler as putParticipant } from '../programs/participant-put.ts';
import { handler as removeParticipant } from '../programs/participant-delete.ts';
import { handler as updateProgram } from '../programs/update.ts';

/** The `write` API function: every authorized POST, PUT, PATCH and DELETE (shared/http/layout.ts). */
export const handler = routeTo([createAgreement, updateAgreement, renewAgreement, putEmployee, setReminders, addTraining, deleteTraining, importTrainings, putTarget, withdrawAgreement, restoreAgreement, createProgram, updateProgram, putParticipant, addParticipants, removeParticipant, recordActivity, deleteActivity]);
