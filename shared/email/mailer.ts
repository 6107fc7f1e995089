import { settings } from '../config.ts';
import type { Mailer } from './message.ts';
import { outboxMailer } from './outbox.ts';
import { sesMailer } from './ses.ts';

/** The configured transport: SES on AWS, the .eml outbox locally. */
export function configuredMailer(): Mailer {
  const { MAIL_TRANSPORT, OUTBOX_DIR, ALERT_SENDER } = settings();
  return MAIL_TRANSPORT === 'ses' ? sesMailer(ALERT_SENDER) : outboxMailer(OUTBOX_DIR, ALERT_SENDER);
}
