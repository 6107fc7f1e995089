import { apiFetch } from './client.ts';

/**
 * Assumed (issue 12 §5, built in parallel): `GET /agreements/export?format=xlsx|csv&<list filters>`
 * answers the file itself, or JSON `{ url }` (or `{ download: { url } }`) for a large export kept
 * in the file store. A link cannot carry the bearer token, so the console fetches and saves.
 */
export async function downloadExport(format: 'xlsx' | 'csv', filters: URLSearchParams): Promise<void> {
  const query = new URLSearchParams(filters);
  query.delete('cursor');
  query.set('format', format);
  await downloadFrom(`/agreements/export?${query}`, `kerja-sama.${format}`);
}

/** Saves what an export route answers: the file under its own name, or the link of a large one kept in the file store. */
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
