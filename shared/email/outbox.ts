import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { EmailMessage, Mailer } from './message.ts';

/** Local delivery: each message becomes `<dir>/<key>.eml`, readable by any mail client. */
export function outboxMailer(directory: string, from: string): Mailer {
  return {
    async send(message: EmailMessage, alertId: string) {
      await mkdir(directory, { recursive: true });
      const name = alertId.replace(/[^A-Za-z0-9._-]/g, '_');
      await writeFile(join(directory, `${name}.eml`), await composeMime(message, from, `<${name}@jalin.local>`));
    },
  };
}

/** The RFC 5322 message (MIME multipart/alternative, UTF-8) of an .eml file. */
export async function composeMime(message: EmailMessage, from: string, messageId?: string): Promise<Buffer> {
  return new MailComposer({
    from,
    to: message.to,
    ...(message.cc?.length ? { cc: message.cc } : {}),
    subject: message.subject,
    text: message.text,
    html: message.html,
    ...(message.replyTo?.length ? { replyTo: message.replyTo } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
    ...(messageId ? { messageId } : {}),
  })
    .compile()
    .build();
}
