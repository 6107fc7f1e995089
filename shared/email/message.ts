/** An email as Jalin's jobs write it: plain text and HTML alternatives of the same message. */
export interface EmailMessage {
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html: string;
  /** Where replies go: the unit that owns the matter, not the no-reply sender. */
  replyTo?: string[];
  /** Further headers, such as List-Unsubscribe on personal reminders (SES simple content accepts them). */
  headers?: Record<string, string>;
}

/**
 * Sends one message. Implementations: SES on AWS, an .eml outbox locally. `alertId` names the
 * alert the message belongs to: the outbox names its file after it, SES tags the message with it.
 */
export interface Mailer {
  send(message: EmailMessage, alertId: string): Promise<void>;
}

/** A failure worth retrying on a later run (throttling, a network fault). */
export class TransientSendError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientSendError';
  }
}

/** A failure that retrying will not fix (a rejected address, an unverified sender). */
export class PermanentSendError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentSendError';
  }
}
