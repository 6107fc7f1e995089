import { apiFetch } from './client.ts';

/**
 * An export of a list (`GET /agreements/export`, `GET /compliance/export`, issue 12 §5): the list's
 * filters without its cursor, and the format. `fallbackName` names the file when the answer does not.
 */
export async function downloadExport(format: 'xlsx' | 'csv', filters: URLSearchParams, endpoint = '/agreements/export', fallbackName = 'kerja-sama'): Promise<void> {
  const query = new URLSearchParams(filters);
  query.delete('cursor');
  query.set('format', format);
  await downloadFrom(`${endpoint}?${query}`, `${fallbackName}.${format}`);
}

/**
 * Saves what an export route answers: the file under its own name, or, for a large export kept in
 * the file store, JSON `{ download: { url } }` to follow. A link cannot carry the bearer token, so
 * the console fetches and saves.
 */
export async function downloadFrom(path: string, fallbackName: string): Promise<void> {
  const response = await apiFetch(path);
  if ((response.headers.get('content-type') ?? '').includes('application/json')) {
    const body = (await response.json()) as { url?: string; download?: { url?: string } };
    const url = body.url ?? body.download?.url;
    if (url) location.assign(url);
    return;
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  saveBlob(await response.blob(), name);
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
