import { randomUUID } from 'node:crypto';
import type { Actor } from '../../actor.ts';
import { decodeCursor, encodeCursor, type Page } from '../../db/cursor.ts';
import { queryPage, type Key } from '../../db/query.ts';
import { NotFoundError } from '../../errors.ts';
import type { Language } from '../../i18n/messages.ts';
import { fileStore, type UploadTarget } from '../../files/store.ts';
import { getImport, importFromItem, putImport, recentImports, rejectedRowsOf, type ImportRecord, type RejectedRow } from './repository.ts';
import { rejectedCsv } from './rejected-csv.ts';
import { importFileKey } from './roster-file.ts';
import { readRosterHeader, type RosterKind } from './roster.ts';
import type { RosterImport } from './schemas.ts';

/** What the API shows of an import (where its file is and how it was read stay inside). */
function view({ fileKey, chunks, chunkRows, header, delimiter, ...shown }: ImportRecord): RosterImport {
  return shown;
}

function newImport(actor: Actor, kind: RosterKind | undefined, filename?: string): ImportRecord {
  const id = randomUUID();
  return {
    id,
    ...(kind ? { kind } : {}),
    status: 'QUEUED',
    ...(filename ? { filename } : {}),
    rows: { total: 0, processed: 0, imported: 0, duplicates: 0, rejected: 0 },
    createdAt: actor.now.toISOString(),
    createdBy: actor.subject,
    fileKey: importFileKey(id),
  };
}

/**
 * A roster sent in the request: its header is checked now (a wrong header is a 400 at once), the
 * file is stored under `imports/`, and its arrival starts the background import.
 */
export async function importInline(csv: string, kind: RosterKind | undefined, actor: Actor): Promise<RosterImport> {
  const header = readRosterHeader(csv, kind);
  const record = newImport(actor, header.kind);
  // The import first, then its file: the file's event must find the import. Should storing the
  // file fail, the import stays QUEUED, like an upload URL never used, and the caller sends again.
  await putImport(record);
  await (await fileStore()).write(record.fileKey, csv, 'text/csv');
  return view(record);
}

/** A roster too large for a request: an upload URL; the import starts when the file has arrived. */
export async function importByUpload(request: { filename: string; size: number; kind?: RosterKind }, actor: Actor): Promise<RosterImport & { upload: UploadTarget }> {
  const record = newImport(actor, request.kind, request.filename);
  await putImport(record);
  const upload = await (await fileStore()).uploadTarget(record.fileKey, { contentType: 'text/csv', size: request.size });
  return { ...view(record), upload };
}

async function requireImport(id: string): Promise<ImportRecord> {
  const record = await getImport(id);
  if (!record) throw new NotFoundError(`No import ${id} exists.`);
  return record;
}

export async function readImport(id: string): Promise<RosterImport> {
  return view(await requireImport(id));
}

export async function listImports(query: { limit: number; cursor?: string }): Promise<Page<RosterImport>> {
  const scope = 'training-imports';
  const page = await queryPage(recentImports, query.limit, query.cursor ? (decodeCursor(scope, query.cursor) as Key) : undefined);
  return { items: page.items.map((item) => view(importFromItem(item))), ...(page.next ? { nextCursor: encodeCursor(scope, page.next) } : {}) };
}

/** The rejected rows so far (all of them once DONE), as CSV, their reasons in `language`. */
export async function rejectedRows(id: string, language: Language): Promise<string> {
  const record = await requireImport(id);
  const rows: RejectedRow[] = [];
  for await (const page of rejectedRowsOf(id)) rows.push(...page);
  return rejectedCsv(record.header ?? [], record.delimiter ?? ',', rows, language);
}
