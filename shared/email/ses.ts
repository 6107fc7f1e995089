import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { composeMime, PermanentSendError, TransientSendError, type EmailMessage, type Mailer } from './message.ts';

/** SES answers that mean "this message will never go", whatever the retries. */
const permanent = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'AccountSuspendedException', 'SendingPausedException', 'BadRequestException', 'NotFoundException']);

/**
 * Sends the composed MIME message through SES v2. The SDK retries throttling within the call
 * (adaptive mode, several attempts); what still fails is classified for the alert ledger.
 */
export function sesMailer(from: string, client = new SESv2Client({ maxAttempts: 5, retryMode: 'adaptive' })): Mailer {
  return {
    async send(message: EmailMessage) {
      const raw = await composeMime(message, from);
      try {
        await client.send(new SendEmailCommand({ Content: { Raw: { Data: raw } } }));
      } catch (error) {
        const name = (error as Error).name;
        if (permanent.has(name)) throw new PermanentSendError(name, { cause: error });
        throw new TransientSendError(name, { cause: error });
      }
    },
  };
}
