import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { composeMime, PermanentSendError, TransientSendError, type EmailMessage, type Mailer } from './message.ts';

/** SES answers that mean "this message will never go", whatever the retries. */
const permanent = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'AccountSuspendedException', 'SendingPausedException', 'BadRequestException', 'NotFoundException']);
/** SES's sending-rate limits: worth waiting a moment and trying again within the same run. */
const throttling = new Set(['TooManyRequestsException', 'ThrottlingException', 'LimitExceededException']);

const ATTEMPTS = 4;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends the composed MIME message through SES v2. Throttling is retried here with exponential
 * backoff (the send rate is the usual SES limit a monthly batch meets); what still fails is
 * classified for the alert ledger: permanent (FAILED) or transient (retried by the next run).
 */
export function sesMailer(from: string, client = new SESv2Client({}), backoffMs = 200): Mailer {
  return {
    async send(message: EmailMessage) {
      const raw = await composeMime(message, from);
      for (let attempt = 1; ; attempt += 1) {
        try {
          await client.send(new SendEmailCommand({ Content: { Raw: { Data: raw } } }));
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
