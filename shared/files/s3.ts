import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import { attachment, DOWNLOAD_EXPIRY_SECONDS, UPLOAD_EXPIRY_SECONDS, type FileStore } from './store.ts';

const expiresAt = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/**
 * The file store on AWS: one private bucket. Upload URLs sign the content type and length, so S3
 * itself refuses a PUT of another type or size; downloads name the file through the signed
 * `response-content-disposition`.
 */
export function s3FileStore(bucket: string): FileStore {
  const s3 = new S3Client({});
  return {
    async uploadTarget(key, { contentType, size }, expiresIn = UPLOAD_EXPIRY_SECONDS) {
      const command = new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType, ContentLength: size });
      const url = await getSignedUrl(s3, command, { expiresIn, signableHeaders: new Set(['content-type', 'content-length']) });
      return { url, method: 'PUT', headers: { 'content-type': contentType }, expiresAt: expiresAt(expiresIn) };
    },
    async downloadLink(key, { filename, contentType }, expiresIn = DOWNLOAD_EXPIRY_SECONDS) {
      const command = new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: attachment(filename), ResponseContentType: contentType });
      return { url: await getSignedUrl(s3, command, { expiresIn }), expiresAt: expiresAt(expiresIn) };
    },
    async size(key) {
      try {
        return (await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentLength;
      } catch (error) {
        if (error instanceof NotFound) return undefined;
        throw error;
      }
    },
    async read(key, range): Promise<Readable> {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }));
      return object.Body as Readable;
    },
    async write(key, body, contentType, size) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ...(size === undefined ? {} : { ContentLength: size }) }));
    },
    async remove(key) {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}
