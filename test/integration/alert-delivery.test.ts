import { beforeAll, describe, expect, it } from 'vitest';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { runExpiringAgreements } from '../../shared/alerts/jobs/expiring-agreements.ts';
import { PermanentSendError, TransientSendError, type EmailMessage, type Mailer } from '../../shared/email/message.ts';
import { sesMailer } from '../../shared/email/ses.ts';
import { tokenFor, useLocalApi } from '../support/api.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';

const { call } = useLocalApi();
let admin: string;
let auditor: string;

/** A mailer that records what it sends, failing as told. */
function recordingMailer(failWith?: () => Error): Mailer & { sent: EmailMessage[] } {
  const sent: EmailMessage[] = [];
  return {
    sent,
    async send(message) {
      if (failWith) throw failWith();
      sent.push(message);
    },
  };
}

const run = (today: string, mailer: Mailer) => runExpiringAgreements({ today, now: new Date(), mailer });

beforeAll(async () => {
  admin = await tokenFor('agreements-admin');
  auditor = await tokenFor('auditor');
});

describe('delivery failures', () => {
  it('retries a transient failure on the next run, and loses nothing', async () => {
    await call('POST', '/agreements', { token: admin, body: agreementBody({ title: 'Retry Me', startsOn: '2033-01-01', endsOn: '2033-06-30' }) });
    const failing = recordingMailer(() => new TransientSendError('ThrottlingException'));
    expect(await run('2033-05-31', failing)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    const waiting = await call('GET', '/alerts?status=RETRY', { token: auditor });
    expect(waiting.body.items).toMatchObject([{ kind: 'EXPIRY', status: 'RETRY', attempts: 1, lastError: 'TransientSendError: ThrottlingException', recipients: 1 }]);

    const working = recordingMailer();
    expect(await run('2033-06-01', working)).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(working.sent.map((message) => message.subject)).toEqual(['Kerja sama berakhir dalam 30 hari: Retry Me (30 Juni 2033)']);
    expect((await call('GET', '/alerts?status=RETRY', { token: auditor })).body.items).toEqual([]);
    expect((await call('GET', '/alerts?status=SENT&kind=EXPIRY', { token: auditor })).body.items).toHaveLength(1);
    expect((await run('2033-06-01', working)).sent).toBe(0);
  });

  it('records a permanent failure as FAILED, visible in the API, and does not retry it', async () => {
    const rejected = await call('POST', '/agreements', { token: admin, body: agreementBody({ title: 'Rejected', startsOn: '2034-01-01', endsOn: '2034-06-30', contactEmails: ['bounce@jakarta.go.id'] }) });
    // (The long gap since the previous test's run also announces that earlier agreement's end: it fails too.)
    expect((await run('2034-05-31', recordingMailer(() => new PermanentSendError('MessageRejected')))).failed).toBeGreaterThanOrEqual(1);
    const failed = await call('GET', '/alerts?status=FAILED', { token: auditor });
    expect(failed.status).toBe(200);
    expect(failed.body.items.find((alert: { subject: string }) => alert.subject === rejected.body.id)).toMatchObject({ kind: 'EXPIRY', status: 'FAILED', attempts: 1, lastError: 'PermanentSendError: MessageRejected' });
    expect(JSON.stringify(failed.body)).not.toContain('bounce@');
    const working = recordingMailer();
    await run('2034-06-01', working);
    expect(working.sent.filter((message) => message.subject.includes('Rejected'))).toEqual([]);
    const stillFailed = await call('GET', '/alerts', { token: await tokenFor('training-admin') });
    expect(stillFailed.body.items.map((alert: { subject: string }) => alert.subject)).toContain(rejected.body.id);
    expect((await call('GET', '/alerts', { token: await tokenFor('employee', { nip: '198609262015051001' }) })).status).toBe(403);
  });

  it('sends each alert once when two runs go at once', async () => {
    for (const title of ['Paralel A', 'Paralel B', 'Paralel C']) {
      await call('POST', '/agreements', { token: admin, body: agreementBody({ title, startsOn: '2035-01-01', endsOn: '2035-06-30' }) });
    }
    const one = recordingMailer();
    const two = recordingMailer();
    await Promise.all([run('2035-05-31', one), run('2035-05-31', two)]);
    const subjects = [...one.sent, ...two.sent].map((message) => message.subject).filter((subject) => subject.includes('Paralel'));
    expect(subjects).toHaveLength(3);
    expect(new Set(subjects).size).toBe(3);
  });
});

describe('the SES transport', () => {
  it('sends SES simple content (text and HTML, UTF-8), and classifies throttling as transient and rejection as permanent', async () => {
    const ses = mockClient(SESv2Client);
    const mailer = sesMailer('Jalin <jalin@jakarta.go.id>', new SESv2Client({ region: 'ap-southeast-3' }), 1);
    const message = { to: ['a@jakarta.go.id'], cc: ['b@jakarta.go.id'], subject: 'Uji', text: 'teks', html: '<p>teks</p>' };

    ses.on(SendEmailCommand).resolves({ MessageId: '1' });
    await mailer.send(message, 'k1');
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.FromEmailAddress).toBe('Jalin <jalin@jakarta.go.id>');
    expect(input.Destination).toEqual({ ToAddresses: ['a@jakarta.go.id'], CcAddresses: ['b@jakarta.go.id'] });
    expect(input.Content?.Simple).toEqual({
      Subject: { Data: 'Uji', Charset: 'UTF-8' },
      Body: { Text: { Data: 'teks', Charset: 'UTF-8' }, Html: { Data: '<p>teks</p>', Charset: 'UTF-8' } },
    });
    expect(input.ReplyToAddresses).toBeUndefined();

    // Reply-To and List-Unsubscribe ride in simple content: no raw MIME needed.
    await mailer.send({ ...message, replyTo: ['bpsdm@jakarta.go.id'], headers: { 'List-Unsubscribe': '<mailto:bpsdm@jakarta.go.id?subject=stop>' } }, 'k0');
    const personal = ses.commandCalls(SendEmailCommand)[1]!.args[0].input;
    expect(personal.ReplyToAddresses).toEqual(['bpsdm@jakarta.go.id']);
    expect(personal.Content?.Simple?.Headers).toEqual([{ Name: 'List-Unsubscribe', Value: '<mailto:bpsdm@jakarta.go.id?subject=stop>' }]);
    ses.resetHistory();

    ses.on(SendEmailCommand).rejects(Object.assign(new Error('slow down'), { name: 'TooManyRequestsException' }));
    await expect(mailer.send(message, 'k2')).rejects.toBeInstanceOf(TransientSendError);
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }));
    await expect(mailer.send(message, 'k2b')).rejects.toBeInstanceOf(TransientSendError);
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('bad address'), { name: 'MessageRejected' }));
    await expect(mailer.send(message, 'k3')).rejects.toBeInstanceOf(PermanentSendError);
    ses.restore();
  });

  it('retries SES throttling within a send before giving up', async () => {
    const ses = mockClient(SESv2Client);
    const throttled = Object.assign(new Error('Maximum sending rate exceeded'), { name: 'TooManyRequestsException' });
    ses.on(SendEmailCommand).rejectsOnce(throttled).rejectsOnce(throttled).resolves({ MessageId: 'ok' });
    const mailer = sesMailer('jalin@jakarta.go.id', new SESv2Client({ region: 'ap-southeast-3' }), 1);
    await mailer.send({ to: ['a@jakarta.go.id'], subject: 's', text: 't', html: '<p>t</p>' }, 'k');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(3);
    ses.restore();
  });
});
