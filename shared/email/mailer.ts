import { settings } from '../config.ts';
import type { Mailer } from './message.ts';
import { outboxMailer } from './outbox.ts';
import { sesMailer } from './ses.ts';

/** The configured transport: SES on AWS, the .eml outbox locally. */
export function configuredMailer(): Mailer {
  const { MAIL_TRANSPORT, OUTBOX_DIR, ALERT_SENDER, SES_CONFIGURATION_SET, RECIPIENT_DOMAINS } = settings();
  if (MAIL_TRANSPORT === 'outbox') return outboxMailer(OUTBOX_DIR, ALERT_SENDER);
  return sesMailer(ALERT_SENDER, undefined, undefined, {
    ...(SES_CONFIGURATION_SET ? { configurationSet: SES_CONFIGURATION_SET } : {}),
    recipientDomains: RECIPIENT_DOMAINS,
  });
}
