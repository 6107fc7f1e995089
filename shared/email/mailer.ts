import { settings } from '../config.ts';
import type { Mailer } from './message.ts';
import { sesMailer } from './ses.ts';

let localMailer: (() => Mailer) | undefined;

/**
 * Local tools (`npm run job`, the tests) send into the .eml outbox instead of SES. Lambda code
 * never calls this, so the outbox and its MIME composer stay out of the function bundles.
 */
export function useLocalMailer(factory: () => Mailer): void {
  localMailer = factory;
}

/** The process's transport: SES with the stage's configuration set and recipient domains, unless a local one was chosen. */
export function configuredMailer(): Mailer {
  if (localMailer) return localMailer();
  const { ALERT_SENDER, SES_CONFIGURATION_SET, RECIPIENT_DOMAINS } = settings();
  return sesMailer(ALERT_SENDER, undefined, undefined, {
    ...(SES_CONFIGURATION_SET ? { configurationSet: SES_CONFIGURATION_SET } : {}),
    recipientDomains: RECIPIENT_DOMAINS,
  });
}
