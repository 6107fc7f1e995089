import type { RosterKind } from '../../../shared/training/imports/roster.ts';
import type { RosterImport } from '../../../shared/training/imports/schemas.ts';
import { api, apiFetch, unwrap } from './client.ts';
import { putFile } from './upload.ts';

export type { RosterImport };

/**
 * A roster through the background import: the API gives an upload target, the file is PUT to
 * it (with progress), and its arrival starts the import. The same path whatever the size (the
 * inline CSV body stops at 5 MB; an upload takes 50 MB).
 */
export async function startImport(file: File, kind: RosterKind | undefined, onProgress: (fraction: number) => void): Promise<RosterImport> {
  const created = await unwrap(api().POST('/training-imports', { body: { filename: file.name, size: file.size, ...(kind ? { kind } : {}) } }));
  if (!created.upload) throw new Error('The API gave no upload target.');
  await putFile(created.upload, file, onProgress);
  return created;
}

export function getImport(importId: string): Promise<RosterImport> {
  return unwrap(api().GET('/training-imports/{importId}', { params: { path: { importId } } }));
}

export async function recentImports(): Promise<RosterImport[]> {
  return (await unwrap(api().GET('/training-imports', { params: { query: { limit: 10 } } }))).items;
}

/** The rejected rows as the API writes them: the file's own columns, then `line` and `errors`. */
export async function rejectedCsv(importId: string): Promise<string> {
  return (await apiFetch(`/training-imports/${encodeURIComponent(importId)}/rejected`)).text();
}
