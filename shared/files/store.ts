import type { Readable } from 'node:stream';
import { settings } from '../config.ts';

/** Where a client sends a file: a presigned S3 PUT on AWS, the local server's `/files/{token}` locally. */
export interface UploadTarget {
  url: string;
  method: 'PUT';
  /** Headers the client must send as given: the content type and length are bound into the URL. */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface DownloadLink {
  url: string;
  expiresAt: string;
}

export interface FileDescription {
  contentType: string;
  /** Exact size in bytes: a PUT of any other length is refused. */
  size: number;
}

/**
 * The one place files live: uploaded rosters and documents, and exports too large for a Lambda
 * response. Callers choose keys under a prefix of `shared/files/consumers.ts` (`imports/`,
 * `documents/`, `exports/`); keys are made by the server, never taken from a client.
 */
export interface FileStore {
  uploadTarget(key: string, file: FileDescription, expiresInSeconds?: number): Promise<UploadTarget>;
  /** A short-lived link that downloads the file under `filename`. */
  downloadLink(key: string, file: { filename: string; contentType: string }, expiresInSeconds?: number): Promise<DownloadLink>;
  /** The stored size, or undefined when nothing is stored under the key. */
  size(key: string): Promise<number | undefined>;
  /** The file's bytes, or bytes `start`..`end` (inclusive, as HTTP ranges count). */
  read(key: string, range?: { start: number; end: number }): Promise<Readable>;
  /** A stream (a large export written to disk first) needs its `size`: S3 takes a stream only of known length. */
  write(key: string, body: Buffer | string | Readable, contentType: string, size?: number): Promise<void>;
  remove(key: string): Promise<void>;
}

export const UPLOAD_EXPIRY_SECONDS = 15 * 60;
export const DOWNLOAD_EXPIRY_SECONDS = 5 * 60;

let store: Promise<FileStore> | undefined;

/** S3 when FILES_BUCKET is set (AWS), else the local folder; each loaded only where used, so bundles stay small. */
export function fileStore(): Promise<FileStore> {
  store ??= settings().FILES_BUCKET
    ? import('./s3.ts').then(({ s3FileStore }) => s3FileStore(settings().FILES_BUCKET!))
    : import('./local.ts').then(({ localFileStore }) => localFileStore());
  return store;
}

/** Forget the chosen store (tests switch between stores and folders). */
export function resetFileStore(): void {
  store = undefined;
}

/** `Content-Disposition` for a download named `filename`, readable by every browser (RFC 6266). */
export function attachment(filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'download';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
