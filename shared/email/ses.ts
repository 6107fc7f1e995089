import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PermanentSendError, TransientSendError, type EmailMessage, type Mailer } from './message.ts';
import { assertAllowedRecipients } from './recipients.ts';

/** SES answers that mean "this message will never go", whatever the retries. */
const permanent = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'AccountSuspendedException', 'SendingPausedException', 'BadRequestException', 'NotFoundException']);
/** SES's sending-rate limits: worth waiting a moment and trying again within the same run. */
const throttling = new Set(['TooManyRequestsException', 'ThrottlingException', 'LimitExceededException']);

const ATTEMPTS = 4;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SesOptions {
  /** Applied to every send: TLS required, reputation metrics, bounce and complaint events. */
  configurationSet?: string;
  /** Recipients must be in these domains (or subdomains); empty: no restriction. */
  recipientDomains?: readonly string[];
}

/** The name of the message tag that carries the alert id, so that SES's bounce events find their alert. */
export const ALERT_TAG = 'alert';
/** SES tag values allow letters, digits, `_` and `-`, up to 256 characters: base64url fits. */
export const alertTagValue = (alertId: string): string | undefined => {
  const value = Buffer.from(alertId, 'utf8').toString('base64url');
  return value.length <= 256 ? value : undefined;
};
export const alertIdFromTag = (value: string): string => Buffer.from(value, 'base64url').toString('utf8');

const utf8 = (Data: string) => ({ Data, Charset: 'UTF-8' });

/**
 * Sends the message through SES v2 as SES's own simple content (SES builds the MIME: text and
 * HTML alternatives, UTF-8), so that no MIME composer rides in the Lambda bundles, with the configuration set and the alert id as
 * a message tag. SES has no idempotency key: what stops a second send is the alert ledger (the
 * claim before, SENT after); the id travels as a tag instead, so that a later bounce or complaint
 * event is recorded on the alert it concerns. Throttling is retried here with exponential backoff;
 * what still fails is classified for the ledger: permanent (FAILED) or transient (retried later).
 */
export function sesMailer(from: string, client = new SESv2Client({}), backoffMs = 200, options: SesOptions = {}): Mailer {
  return {
    async send(message: EmailMessage, alertId: string) {
      assertAllowedRecipients([...message.to, ...(message.cc ?? [])], options.recipientDomains ?? []);
      const tag = alertTagValue(alertId);
      const command = new SendEmailCommand({
        FromEmailAddress: from,
        Destination: { ToAddresses: message.to, ...(message.cc?.length ? { CcAddresses: message.cc } : {}) },
        ...(message.replyTo?.length ? { ReplyToAddresses: message.replyTo } : {}),
        Content: {
          Simple: {
            Subject: utf8(message.subject),
            Body: { Text: utf8(message.text), Html: utf8(message.html) },
            ...(message.headers ? { Headers: Object.entries(message.headers).map(([Name, Value]) => ({ Name, Value })) } : {}),
          },
        },
        ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
        ...(tag ? { EmailTags: [{ Name: ALERT_TAG, Value: tag }] } : {}),
      });
      for (let attempt = 1; ; attempt += 1) {
        try {
          await client.send(command);
          return;
        } catch (error) {
          const name = (error as Error).name;
          if (permanent.has(name)) throw new PermanentSendError(name, { cause: error });
          if (!throttling.has(name) || attempt === ATTEMPTS) throw new TransientSendError(name, { cause: error });
          await sleep(backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
        }
      }
    },
  };
}
