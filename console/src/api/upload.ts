/** Where the API says to PUT a file: an S3 presigned URL on AWS, the local server's `/files/{token}` on `npm start`. */
export interface UploadTarget {
  url: string;
  method?: string;
  headers?: Record<string, string>;
}

/** A PUT the storage refused (its HTTP status), or that never arrived (status 0): callers word it for the person. */
export class UploadError extends Error {
  constructor(readonly status: number) {
    super(status ? `upload: HTTP ${status}` : 'upload failed');
  }
}

/** PUTs a file to its upload target, reporting progress (0–1): fetch() reports none, XMLHttpRequest does. */
export async function putFile(target: UploadTarget, file: Blob, onProgress: (fraction: number) => void): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(target.method ?? 'PUT', target.url);
    for (const [name, value] of Object.entries(target.headers ?? {})) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => (request.status < 300 ? resolve() : reject(new UploadError(request.status)));
    request.onerror = () => reject(new UploadError(0));
    request.send(file);
  });
  onProgress(1);
}
