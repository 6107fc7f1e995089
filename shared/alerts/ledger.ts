import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { db, tableName } from '../db/client.ts';
import { queryPage, type Key, type PageQuery } from '../db/query.ts';
import type { EmailMessage } from '../email/message.ts';

/**
 * The alert ledger: one item per alert and period, claimed with a conditional write before the
 * email is sent, so that reruns and concurrent runs send each alert once.
 *
 *   ALERT#<id> / ALERT      GSI1 ALERTS#<status> / <kind>#<createdAt>#<id>
 *
 * PENDING (claimed, sending) → SENT | RETRY (the send failed for a transient reason: the next run
 * sends it again) | FAILED (permanent, or too many attempts: visible in GET /alerts?status=FAILED).
 * A PENDING claim older than STALE_AFTER_MS belongs to a run that stopped between claiming and
 * recording the outcome: the email may have gone, so it is never sent again automatically; it
 * becomes FAILED with `SendUnconfirmed` for a person to check. A SENT alert whose email later
 * bounces (SES event) becomes FAILED with the bounce as its reason.
 */
import type { AlertKind, AlertStatus } from './kinds.ts';

export type { AlertKind, AlertStatus };

export interface AlertCandidate {
  /** Unique per alert and period, e.g. `EXPIRY#<agreementId>#<endsOn>@30`. */
  id: string;
  kind: AlertKind;
  /** What the alert is about: an agreement id, a unit, a NIP. */
  subject: string;
  period: string;
  message: EmailMessage;
}

export interface StoredAlert extends AlertCandidate {
  status: AlertStatus;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  lastError?: string;
}

export const MAX_ATTEMPTS = 5;
const STALE_AFTER_MS = 15 * 60_000;
const key = (id: string) => ({ PK: `ALERT#${id}`, SK: 'ALERT' });

function statusIndex(status: AlertStatus, kind: AlertKind, createdAt: string, id: string) {
  return { ':gsi1pk': `ALERTS#${status}`, ':gsi1sk': `${kind}#${createdAt}#${id}` };
}

/** Claims an alert for sending; `undefined` when it was sent already, failed for good, or another run holds it. */
export async function claim(candidate: AlertCandidate, now: Date): Promise<{ token: string; alert: StoredAlert } | undefined> {
  const token = randomUUID();
  const at = now.toISOString();
  try {
    const output = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(candidate.id),
        UpdateExpression:
          'SET entity = :entity, id = :id, kind = :kind, subject = :subject, period = :period, message = if_not_exists(message, :message), #status = :pending, claimToken = :token, updatedAt = :now, createdAt = if_not_exists(createdAt, :now), GSI1PK = :gsi1pk, GSI1SK = :gsi1sk ADD attempts :one',
        ConditionExpression: 'attribute_not_exists(PK) OR #status = :retry',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':entity': 'ALERT',
          ':id': candidate.id,
          ':kind': candidate.kind,
          ':subject': candidate.subject,
          ':period': candidate.period,
          ':message': candidate.message,
          ':pending': 'PENDING',
          ':retry': 'RETRY',
          ':token': token,
          ':now': at,
          ':one': 1,
          ...statusIndex('PENDING', candidate.kind, at, candidate.id),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { token, alert: output.Attributes as StoredAlert };
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
}

/** Records the outcome of a claimed send (only by the run that holds the claim). */
export async function settle(alert: StoredAlert, token: string, status: Exclude<AlertStatus, 'PENDING'>, now: Date, error?: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key(alert.id),
      UpdateExpression: `SET #status = :status, updatedAt = :now, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk${error ? ', lastError = :error' : ' REMOVE lastError'}`,
      ConditionExpression: 'claimToken = :token',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': status,
        ':now': now.toISOString(),
        ':token': token,
        ...(error ? { ':error': error } : {}),
        ...statusIndex(status, alert.kind, alert.createdAt, alert.id),
      },
    }),
  );
}

/**
 * A claim left PENDING by a run that stopped: FAILED with `SendUnconfirmed` once it is stale (the
 * email may or may not have gone; sending it again could send it twice). False when it is not
 * stale yet, or another run settled it meanwhile.
 */
export async function giveUpUnconfirmed(alert: StoredAlert, now: Date): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(alert.id),
        UpdateExpression: 'SET #status = :failed, updatedAt = :now, lastError = :error, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk REMOVE claimToken',
        ConditionExpression: '#status = :pending AND updatedAt < :stale',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':failed': 'FAILED',
          ':pending': 'PENDING',
          ':now': now.toISOString(),
          ':stale': new Date(now.getTime() - STALE_AFTER_MS).toISOString(),
          ':error': 'SendUnconfirmed: the run stopped before recording whether the email went',
          ...statusIndex('FAILED', alert.kind, alert.createdAt, alert.id),
        },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/**
 * What SES reported after accepting an alert's email (a bounce, a complaint), on the SENT alert
 * it concerns: FAILED when no recipient got it, otherwise SENT with the problem noted. Returns
 * whether the alert is now FAILED; false too when the alert is unknown or not SENT.
 */
export async function recordDeliveryProblem(alertId: string, problem: string, failed: boolean, now: Date): Promise<boolean> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key(alertId), ConsistentRead: true }));
  const alert = Item as StoredAlert | undefined;
  if (alert?.status !== 'SENT') return false;
  const status = failed ? 'FAILED' : 'SENT';
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key(alertId),
        UpdateExpression: 'SET #status = :status, updatedAt = :now, lastError = :error, GSI1PK = :gsi1pk, GSI1SK = :gsi1sk',
        ConditionExpression: '#status = :sent',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ':sent': 'SENT',
          ':now': now.toISOString(),
          ':error': problem,
          ...statusIndex(status, alert.kind, alert.createdAt, alert.id),
        },
      }),
    );
    return failed;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** The alerts in one status (optionally of one kind), oldest first. */
export function alertsInStatus(status: AlertStatus, kind?: AlertKind): PageQuery {
  return {
    index: 'GSI1',
    keyCondition: kind ? 'GSI1PK = :pk AND begins_with(GSI1SK, :kind)' : 'GSI1PK = :pk',
    names: {},
    values: { ':pk': `ALERTS#${status}`, ...(kind ? { ':kind': `${kind}#` } : {}) },
  };
}

/** A page of them, for `GET /alerts`. */
export async function alertsByStatus(status: AlertStatus, kind: AlertKind | undefined, limit: number, start?: Key) {
  const page = await queryPage(alertsInStatus(status, kind), limit, start);
  return { items: page.items as unknown as StoredAlert[], next: page.next };
}
