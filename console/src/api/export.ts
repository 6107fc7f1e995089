import { apiFetch } from './client.ts';

/**
 * Assumed (issue 12 §5, built in parallel): `GET /agreements/export?format=xlsx|csv&<list filters>`
 * answers the file itself, or JSON `{ url }` (or `{ download: { url } }`) for a large export kept
 * in the file store. A link cannot carry the bearer token, so the console fetches and saves.
 */
export async function downloadExport(format: 'xlsx' | 'csv', filters: URLSearchParams, endpoint = '/agreements/export', fallbackName = 'kerja-sama'): Promise<void> {
  const query = new URLSearchParams(filters);
  query.delete('cursor');
  query.set('format', format);
  const response = await apiFetch(`${endpoint}?${query}`);
  if ((response.headers.get('content-type') ?? '').includes('application/json')) {
    const body = (await response.json()) as { url?: string; download?: { url?: string } };
    const url = body.url ?? body.download?.url;
    if (url) location.assign(url);
    return;
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `${fallbackName}.${format}`;
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
