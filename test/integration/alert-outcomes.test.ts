import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { deliver, emptySummary, retryUnsent } from '../../shared/alerts/deliver.ts';
import { sendQueuedAlerts } from '../../shared/alerts/email-sender.ts';
import { sqsAlertQueue } from '../../shared/alerts/fan-out.ts';
import { recordDeliveryProblem, type AlertCandidate, type AlertKind, type StoredAlert } from '../../shared/alerts/ledger.ts';
import { db, tableName } from '../../shared/db/client.ts';
import { deliveryProblemOf } from '../../shared/email/events.ts';
import { TransientSendError, type EmailMessage, type Mailer } from '../../shared/email/message.ts';
import { alertTagValue, sesMailer } from '../../shared/email/ses.ts';
import { useTestTable } from '../support/database.ts';

useTestTable();

/** A mailer that records what it sends, and runs `during` inside each send (fault injection). */
function recordingMailer(during?: (alertId: string) => Promise<void>): Mailer & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async send(_message: EmailMessage, alertId: string) {
      await during?.(alertId);
      sent.push(alertId);
    },
  };
}

const candidate = (kind: AlertKind, id: string, to = ['kontak@jakarta.go.id']): AlertCandidate => ({
  id: `${kind}#${id}`,
  kind,
  subject: id,
  period: '2031-01',
  message: { to, subject: `Uji ${id}`, text: 't', html: '<p>t</p>' },
});

const stored = async (id: string) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: { PK: `ALERT#${id}`, SK: 'ALERT' }, ConsistentRead: true }))).Item as StoredAlert;

const minutes = (at: Date, count: number) => new Date(at.getTime() + count * 60_000);

describe('an alert is never sent twice, and never lost when its send failed', () => {
  it('send succeeds, recording SENT fails: the run fails, later runs never send it again, and it ends FAILED as unconfirmed', async () => {
    const now = new Date('2031-01-05T00:00:00Z');
    const alert = candidate('DORMANT', 'mark-fails');
    // The fault: while the email goes out, the claim is taken away, so every attempt to record SENT is refused.
    const sabotaging = recordingMailer(async (alertId) => {
      await db().send(new UpdateCommand({ TableName: tableName(), Key: { PK: `ALERT#${alertId}`, SK: 'ALERT' }, UpdateExpression: 'SET claimToken = :other', ExpressionAttributeValues: { ':other': 'someone-else' } }));
    });
    await expect(deliver(alert, sabotaging, now)).rejects.toThrow(/conditional/i);
    expect(sabotaging.sent).toEqual([alert.id]);
    expect((await stored(alert.id)).status).toBe('PENDING');

    const later = recordingMailer();
    // The same run's retry, and the next scheduled run with the same candidate: skipped.
    expect(await deliver(alert, later, minutes(now, 1))).toBe('skipped');
    const summary = emptySummary();
    await retryUnsent('DORMANT', later, minutes(now, 5), summary);
    expect(summary).toEqual({ sent: 0, skipped: 0, failed: 0 });
    // Once the claim is stale, a run records it as FAILED for a person to check, still without sending.
    await retryUnsent('DORMANT', later, minutes(now, 20), summary);
    expect(summary).toEqual({ sent: 0, skipped: 0, failed: 1 });
    expect(later.sent).toEqual([]);
    expect(await stored(alert.id)).toMatchObject({ status: 'FAILED', lastError: expect.stringMatching(/^SendUnconfirmed/) });
    expect(await deliver(alert, later, minutes(now, 30))).toBe('skipped');
    expect(later.sent).toEqual([]);
  });

  it('send fails: the alert is RETRY, the next run sends it once, and it is SENT', async () => {
    const now = new Date('2031-01-05T00:00:00Z');
    const alert = candidate('EXPIRY', 'send-fails');
    const failing: Mailer = {
      async send() {
        throw new TransientSendError('ThrottlingException');
      },
    };
    expect(await deliver(alert, failing, now)).toBe('failed');
    expect(await stored(alert.id)).toMatchObject({ status: 'RETRY', attempts: 1, lastError: 'TransientSendError: ThrottlingException' });

    const working = recordingMailer();
    const summary = emptySummary();
    await retryUnsent('EXPIRY', working, minutes(now, 60 * 24), summary);
    expect(summary).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(await deliver(alert, working, minutes(now, 60 * 25))).toBe('skipped');
    expect(working.sent).toEqual([alert.id]);
    expect((await stored(alert.id)).status).toBe('SENT');
  });

  it('a recipient outside the stage\'s domains: FAILED at once, saying why', async () => {
    const mailer = sesMailer('jalin@jakarta.go.id', undefined, 1, { recipientDomains: ['jakarta.go.id'] });
    const alert = candidate('TRAINING', 'outside', ['someone@gmail.com']);
    expect(await deliver(alert, mailer, new Date('2031-01-05T00:00:00Z'))).toBe('failed');
    expect(await stored(alert.id)).toMatchObject({ status: 'FAILED', lastError: 'PermanentSendError: RecipientDomainNotAllowed: 1 of 1 recipients' });
  });
});

describe('SES events on a sent alert', () => {
  const sesEvent = (alertId: string, eventType: string, extra: Record<string, unknown>, destination = ['a@jakarta.go.id']) => ({
    eventType,
    mail: { destination, tags: { 'ses:configuration-set': ['jalin'], alert: [alertTagValue(alertId)!] } },
    ...extra,
  });

  it('a bounce of every recipient (suppressed address included) makes it FAILED with the bounce as the reason', async () => {
    const alert = candidate('TRAINING_SUMMARY', 'bounced');
    await deliver(alert, recordingMailer(), new Date('2031-01-05T00:00:00Z'));
    const problem = deliveryProblemOf(sesEvent(alert.id, 'Bounce', { bounce: { bounceType: 'Permanent', bounceSubType: 'OnAccountSuppressionList', bouncedRecipients: [{ emailAddress: 'a@jakarta.go.id' }] } }))!;
    expect(problem).toEqual({ alertId: alert.id, problem: 'Bounce Permanent/OnAccountSuppressionList: 1 of 1 recipients', failed: true });
    expect(await recordDeliveryProblem(problem.alertId, problem.problem, problem.failed, new Date('2031-01-05T00:05:00Z'))).toBe(true);
    expect(await stored(alert.id)).toMatchObject({ status: 'FAILED', lastError: problem.problem, GSI1PK: 'ALERTS#FAILED' });
    // The same event delivered twice by EventBridge changes nothing more.
    expect(await recordDeliveryProblem(problem.alertId, problem.problem, problem.failed, new Date('2031-01-05T00:06:00Z'))).toBe(false);
  });

  it('a complaint, or a bounce of one recipient of two, is noted on the alert, which stays SENT', async () => {
    const alert = candidate('TRAINING_SUMMARY', 'complained', ['a@jakarta.go.id', 'b@jakarta.go.id']);
    await deliver(alert, recordingMailer(), new Date('2031-01-05T00:00:00Z'));
    const partial = deliveryProblemOf(sesEvent(alert.id, 'Bounce', { bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{}] } }, ['a@jakarta.go.id', 'b@jakarta.go.id']))!;
    expect(partial.failed).toBe(false);
    const complaint = deliveryProblemOf(sesEvent(alert.id, 'Complaint', { complaint: { complaintFeedbackType: 'abuse', complainedRecipients: [{}] } }))!;
    expect(complaint).toMatchObject({ problem: 'Complaint abuse: 1 of 1 recipients', failed: false });
    await recordDeliveryProblem(complaint.alertId, complaint.problem, complaint.failed, new Date('2031-01-05T00:05:00Z'));
    expect(await stored(alert.id)).toMatchObject({ status: 'SENT', lastError: complaint.problem });
  });

  it('ignores events of messages that are not alerts', () => {
    expect(deliveryProblemOf({ eventType: 'Bounce', mail: { tags: { 'ses:configuration-set': ['jalin'] } } })).toBeUndefined();
    expect(deliveryProblemOf({ eventType: 'Delivery', mail: { tags: { alert: [alertTagValue('X#1')!] } } })).toBeUndefined();
  });
});

describe('fan-out of large runs', () => {
  it('queues alerts in batches of ten, and the senders deliver each once, paced to share the SES rate', async () => {
    const sqs = mockClient(SQSClient);
    const bodies: string[] = [];
    sqs.on(SendMessageBatchCommand).callsFake((input: { Entries: { MessageBody: string }[] }) => {
      bodies.push(...input.Entries.map((entry) => entry.MessageBody));
      return { Successful: input.Entries.map((entry, index) => ({ Id: String(index), MessageId: `m${bodies.length}`, MD5OfMessageBody: '' })), Failed: [] };
    });
    const queue = sqsAlertQueue('https://sqs.ap-southeast-3.amazonaws.com/123456789012/jalin-email', new SQSClient({ region: 'ap-southeast-3' }));
    for (let index = 0; index < 23; index += 1) await queue.add(candidate('TRAINING', `fan-${index}`));
    expect(await queue.flush()).toBe(23);
    expect(sqs.commandCalls(SendMessageBatchCommand).map((call) => call.args[0].input.Entries!.length)).toEqual([10, 10, 3]);
    sqs.restore();

    // SQS may deliver a message twice: the second is skipped by the ledger.
    const records = [...bodies, bodies[0]!].map((body, index) => ({ messageId: `m${index}`, body }) as SQSRecord);
    const mailer = recordingMailer();
    const pauses: number[] = [];
    const { batchItemFailures, summary } = await sendQueuedAlerts(records, mailer, { ratePerSecond: 14, senders: 2, sleep: async (ms) => void pauses.push(ms) }, () => new Date('2031-02-01T00:00:00Z'));
    expect(batchItemFailures).toEqual([]);
    expect(summary).toEqual({ sent: 23, skipped: 1, failed: 0 });
    expect(new Set(mailer.sent).size).toBe(23);
    // Two senders at 14 messages/s: one send every 1/7 s each.
    expect(pauses).toHaveLength(records.length - 1);
    expect(new Set(pauses)).toEqual(new Set([(1000 * 2) / 14]));
  });

  it('a refused queue entry fails the run (its retry re-queues; the ledger keeps sends single)', async () => {
    const sqs = mockClient(SQSClient);
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });
    const queue = sqsAlertQueue('https://sqs.ap-southeast-3.amazonaws.com/123456789012/jalin-email', new SQSClient({ region: 'ap-southeast-3' }));
    await queue.add(candidate('TRAINING', 'refused'));
    await expect(queue.flush()).rejects.toThrow(/refused 1 of 1/);
    sqs.restore();
  });

  it('reports a record whose delivery threw back to SQS, and goes on with the others', async () => {
    const records = [
      { messageId: 'bad', body: '{not json' },
      { messageId: 'good', body: JSON.stringify(candidate('TRAINING', 'after-bad')) },
    ] as SQSRecord[];
    const mailer = recordingMailer();
    const { batchItemFailures, summary } = await sendQueuedAlerts(records, mailer, { ratePerSecond: 1, senders: 1, sleep: async () => undefined });
    expect(batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
    expect(summary.sent).toBe(1);
  });
});
