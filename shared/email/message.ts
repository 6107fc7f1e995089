import MailComposer from 'nodemailer/lib/mail-composer';

/** An email as Jalin's jobs write it: plain text and HTML alternatives of the same message. */
export interface EmailMessage {
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html: string;
}

/** The RFC 5322 message (MIME multipart/alternative, UTF-8), as SES and .eml files take it. */
export async function composeMime(message: EmailMessage, from: string, messageId?: string): Promise<Buffer> {
  return new MailComposer({
    from,
    to: message.to,
    ...(message.cc?.length ? { cc: message.cc } : {}),
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(messageId ? { messageId } : {}),
  })
    .compile()
    .build();
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
