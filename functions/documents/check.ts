import type { S3Event } from 'aws-lambda';
import { documentOfFileKey } from '../../shared/agreements/documents/file-keys.ts';
import { checkDocument } from '../../shared/agreements/documents/service.ts';
import { objectKeysOf } from '../../shared/files/events.ts';
import { log } from '../../shared/log.ts';

/**
 * The file consumer of `documents/` (shared/files/consumers.ts): S3 invokes it for each upload
 * (locally, the server does after a PUT). A failure throws, so Lambda retries the event.
 */
export async function handler(event: S3Event): Promise<void> {
  for (const { key } of objectKeysOf(event)) {
    const document = documentOfFileKey(key);
    if (!document) {
      log('warn', 'not a document key', { key });
      continue;
    }
    await checkDocument(document.agreementId, document.id, new Date());
  }
}
