import { createHmac, timingSafeEqual } from 'node:crypto';
import { settings } from '../config.ts';

/** What a local file URL allows: one method on one key until `expires` (epoch seconds). */
export interface FileGrant {
  key: string;
  method: 'PUT' | 'GET';
  expires: number;
  /** PUT: the content type and exact size the upload must have (as S3 binds them into a presigned URL). */
  contentType?: string;
  size?: number;
  /** GET: the name the download is saved under. */
  filename?: string;
}

function sign(payload: string): string {
  return createHmac('sha256', settings().FILES_SECRET).update(payload).digest('base64url');
}

export function grantToken(grant: FileGrant): string {
  const payload = Buffer.from(JSON.stringify(grant)).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

/** The grant a token carries, or why it grants nothing. */
export function readGrant(token: string, nowSeconds: number): FileGrant | { refused: string } {
  const [payload = '', signature = '', extra] = token.split('.');
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (extra !== undefined || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { refused: 'This file link was not issued by this server or has been altered.' };
  }
  const grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as FileGrant;
  if (grant.expires < nowSeconds) return { refused: 'This file link has expired: ask for a new one.' };
  return grant;
}
