import { agreementRoutes } from '../agreements/routes.ts';
import { hasAnyGroup, type Group, type Principal } from '../http/auth.ts';
import { defineRoutes } from '../http/route.ts';
import { HttpError } from '../http/problem.ts';
import { trainingRoutes } from '../training/routes.ts';
import { alertKinds, type AlertKind } from './kinds.ts';
import { alertPage, alertsQuery } from './schemas.ts';

/**
 * An alert names what it is about (`subject`): an agreement (EXPIRY, DORMANT), an employee's NIP
 * (TRAINING) or a unit's compliance (TRAINING_SUMMARY). Each kind is read by those who may read
 * its subject through the API, so that GET /alerts reveals nothing its caller could not read.
 */
export const alertKindReaders: Record<AlertKind, readonly Group[]> = {
  EXPIRY: agreementRoutes.getAgreement.access,
  DORMANT: agreementRoutes.getAgreement.access,
  TRAINING: trainingRoutes.compliance.access,
  TRAINING_SUMMARY: trainingRoutes.compliance.access,
};

/** The kinds the caller may read (in ledger order), or the one asked for: a 403 if it may not read it. */
export function readableAlertKinds(principal: Principal, requested?: AlertKind): AlertKind[] {
  const readable = alertKinds.filter((kind) => hasAnyGroup(principal, alertKindReaders[kind]));
  if (requested && !readable.includes(requested)) {
    throw new HttpError(403, { code: 'ALERT_KIND_FORBIDDEN', params: { kind: requested, groups: alertKindReaders[requested].join(', ') } });
  }
  return requested ? [requested] : readable;
}

/** The alerts' rows of the route table. */
export const alertRoutes = defineRoutes({
  listAlerts: {
    method: 'GET',
    path: '/alerts',
    handler: 'alerts/list',
    access: ['training-admin', 'agreements-admin', 'auditor'],
    actions: ['Query'],
    summary: 'Alerts by status (default FAILED: alerts that could not be delivered); each group sees the kinds about what it may read',
    tag: 'Alerts',
    query: alertsQuery,
    success: { status: 200, schema: alertPage, description: 'A page of alerts.' },
  },
});
