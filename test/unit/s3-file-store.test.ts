import { GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { s3FileStore } from '../../shared/files/s3.ts';

/**
 * The S3 file store, where it cannot run here: presigning is local computation (checked on the
 * URL itself), the object calls go to a mocked client.
 */
const s3 = mockClient(S3Client);

beforeEach(() => {
  vi.stubEnv('AWS_REGION', 'ap-southeast-3');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIATESTTESTTESTTEST');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test-secret');
  s3.reset();
});
afterEach(() => vi.unstubAllEnvs());

describe('the S3 file store', () => {
  it('presigns an upload that binds its content type and length, for 15 minutes', async () => {
    const target = await s3FileStore('jalin-files').uploadTarget('documents/a/b', { contentType: 'application/pdf', size: 2048 });
    const url = new URL(target.url);
    expect(url.hostname).toBe('jalin-files.s3.ap-southeast-3.amazonaws.com');
    expect(url.pathname).toBe('/documents/a/b');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';').sort()).toEqual(['content-length', 'content-type', 'host']);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(target).toMatchObject({ method: 'PUT', headers: { 'content-type': 'application/pdf' } });
    expect(Date.parse(target.expiresAt) - Date.now()).toBeGreaterThan(14 * 60 * 1000);
  });

  it('presigns a short download that names the file', async () => {
    const link = await s3FileStore('jalin-files').downloadLink('documents/a/b', { filename: 'Perjanjian Kerja Sama.pdf', contentType: 'application/pdf' });
    const url = new URL(link.url);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('response-content-disposition')).toBe(`attachment; filename="Perjanjian Kerja Sama.pdf"; filename*=UTF-8''Perjanjian%20Kerja%20Sama.pdf`);
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
  });

  it('reads only the bytes asked for, with a ranged GET', async () => {
    s3.on(GetObjectCommand).resolves({ Body: Readable.from([Buffer.from('%PDF-1.7')]) as never });
    await s3FileStore('jalin-files').read('documents/a/b', { start: 0, end: 7 });
    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Bucket: 'jalin-files', Key: 'documents/a/b', Range: 'bytes=0-7' });
  });

  it('knows the size of a stored object, and that a missing one has none', async () => {
    s3.on(HeadObjectCommand, { Key: 'here' }).resolves({ ContentLength: 42 });
    s3.on(HeadObjectCommand, { Key: 'gone' }).rejects(new NotFound({ message: 'Not Found', $metadata: {} }));
    const store = s3FileStore('jalin-files');
    expect(await store.size('here')).toBe(42);
    expect(await store.size('gone')).toBeUndefined();
  });

  it('writes with the content type', async () => {
    s3.on(PutObjectCommand).resolves({});
    await s3FileStore('jalin-files').write('exports/x.csv', 'a,b\n', 'text/csv');
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, { Bucket: 'jalin-files', Key: 'exports/x.csv', ContentType: 'text/csv' });
  });
});
