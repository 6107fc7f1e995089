import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { settings } from '../config.ts';
import { grantToken } from './local-token.ts';
import { DOWNLOAD_EXPIRY_SECONDS, UPLOAD_EXPIRY_SECONDS, type FileStore } from './store.ts';

/**
 * Where the local server answers `/files/{token}`; `startServer` sets it to its own address
 * (read on each call: tests start servers on free ports).
 */
export function localFilesUrl(): string {
  return process.env.LOCAL_FILES_URL ?? 'http://localhost:3000/files';
}

/** The file's path under FILES_DIR; a key that would leave the folder is a programming error. */
export function localPath(key: string): string {
  const root = resolve(settings().FILES_DIR);
  const path = resolve(root, key);
  if (!path.startsWith(root + sep)) throw new Error('A file key must stay inside the files folder.');
  return path;
}

/** Told of each file the server itself writes (`write`), as S3 tells a bucket's notifications of every PutObject. */
type WrittenListener = (key: string, size: number) => void;
let writtenListener: WrittenListener | undefined;

/** The local server's hook: a file written by a function starts the consumer of its prefix, as on AWS. */
export function onLocalFileWritten(listener: WrittenListener | undefined): void {
  writtenListener = listener;
}

const expiry = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;
const isoOf = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();

/** The file store of `npm start` and the tests: a folder, with signed URLs served by the local server. */
export function localFileStore(): FileStore {
  return {
    async uploadTarget(key, { contentType, size }, expiresInSeconds = UPLOAD_EXPIRY_SECONDS) {
      localPath(key);
      const expires = expiry(expiresInSeconds);
      const token = grantToken({ key, method: 'PUT', expires, contentType, size });
      return { url: `${localFilesUrl()}/${token}`, method: 'PUT', headers: { 'content-type': contentType }, expiresAt: isoOf(expires) };
    },
    async downloadLink(key, { filename, contentType }, expiresInSeconds = DOWNLOAD_EXPIRY_SECONDS) {
      const expires = expiry(expiresInSeconds);
      return { url: `${localFilesUrl()}/${grantToken({ key, method: 'GET', expires, filename, contentType })}`, expiresAt: isoOf(expires) };
    },
    async size(key) {
      const found = await stat(localPath(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      return found?.size;
    },
    async read(key, range): Promise<Readable> {
      return createReadStream(localPath(key), range ? { start: range.start, end: range.end } : {});
    },
    async write(key, body) {
      await writeAtomically(localPath(key), body);
      writtenListener?.(key, (await stat(localPath(key))).size);
    },
    async remove(key) {
      await rm(localPath(key), { force: true });
    },
  };
}

/** Written beside, then renamed: a reader never sees half a file (S3 never shows a partial object either). */
export async function writeAtomically(path: string, body: Buffer | string | Readable): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const partial = join(dirname(path), `.${process.pid}.${Date.now()}.partial`);
  await writeFile(partial, body);
  await rename(partial, path);
}
