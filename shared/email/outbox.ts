import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeMime, type EmailMessage, type Mailer } from './message.ts';

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
