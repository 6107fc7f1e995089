import { defineRoutes } from '../http/route.ts';
import { alertPage, alertsQuery } from './schemas.ts';

/** The alerts' rows of the route table. */
export const alertRoutes = defineRoutes({
  listAlerts: {
    method: 'GET',
    path: '/alerts',
    handler: 'alerts/list',
    access: ['training-admin', 'agreements-admin', 'auditor'],
    actions: ['Query'],
    summary: 'Alerts by status (default FAILED: alerts that could not be delivered)',
    tag: 'Alerts',
    query: alertsQuery,
    success: { status: 200, schema: alertPage, description: 'A page of alerts.' },
  },
});
