import { defineRoutes } from '../../http/route.ts';
import { agreementReaders } from '../documents/routes.ts';
import { agreementIdParams } from '../schemas.ts';
import { activitiesQuery, activityPage, activityParams, activitySchema, createActivitySchema } from './schemas.ts';

/** Implementation activities and evaluations of an agreement: rows of the route table (shared/http/routes.ts). */
export const activityRoutes = defineRoutes({
  recordActivity: {
    method: 'POST',
    path: '/agreements/{id}/activities',
    handler: 'activities/record',
    access: ['agreements-admin'],
    actions: ['GetItem', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
    summary: 'Record an implementation activity or an evaluation (it counts against dormancy; an evaluation closes the expiry loop)',
    tag: 'Activities',
    params: agreementIdParams,
    body: createActivitySchema,
    idempotent: true,
    success: { status: 201, schema: activitySchema, description: 'The activity.' },
    errors: [404, 413, 415, 422],
  },
  listActivities: {
    method: 'GET',
    path: '/agreements/{id}/activities',
    handler: 'activities/list',
    access: agreementReaders,
    actions: ['GetItem', 'Query'],
    summary: "An agreement's activities and evaluations, newest first",
    tag: 'Activities',
    params: agreementIdParams,
    query: activitiesQuery,
    success: { status: 200, schema: activityPage, description: 'A page of activities.' },
    errors: [404],
  },
  deleteActivity: {
    method: 'DELETE',
    path: '/agreements/{id}/activities/{activityId}',
    handler: 'activities/delete',
    access: ['agreements-admin'],
    actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
    summary: 'Delete an activity recorded by mistake (recorded in the agreement history; record it again to correct it)',
    tag: 'Activities',
    params: activityParams,
    success: { status: 204, schema: null, description: 'Deleted.' },
    errors: [404],
  },
});
