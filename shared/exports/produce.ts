import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Page } from '../db/cursor.ts';
import { settings } from '../config.ts';
import { fileStore, type DownloadLink } from '../files/store.ts';
import { todayInJakarta } from '../time/calendar.ts';
import { csvWriter } from './csv.ts';
import { exportMediaTypes, type ExportFormat } from './query.ts';
import type { ExportDefinition } from './table.ts';
import { xlsxWriter } from './xlsx.ts';

/** How long the link of a stored export works: long enough to come back to a tab, short enough not to be shared. */
export const EXPORT_LINK_SECONDS = 15 * 60;

/** Items read per call of the list service: a bounded page, however large the export. */
export const EXPORT_PAGE_SIZE = 500;

export type ExportResult =
  | { kind: 'inline'; body: Buffer; filename: string; contentType: string; rows: number }
  | { kind: 'stored'; download: DownloadLink; filename: string; contentType: string; size: number; rows: number };

/**
 * Every page of a list service, following its cursor: the export reads through the same use case
 * as the list. The next page is requested before this one is handed over, so DynamoDB reads
 * while the writer compresses (two pages in memory at most).
 */
export async function* pagesOf<T>(list: (cursor: string | undefined) => Promise<Page<T>>): AsyncIterable<T[]> {
  const request = (cursor: string | undefined) => {
    const page = list(cursor);
    // Awaited below; if the writer fails first, the read's own failure must not go unhandled.
    page.catch(() => undefined);
    return page;
  };
  let next: Promise<Page<T>> | undefined = request(undefined);
  while (next) {
    const page: Page<T> = await next;
    next = page.nextCursor ? request(page.nextCursor) : undefined;
    yield page.items;
  }
}

/**
 * The pages of several lists, list after list, reading up to `ahead` lists at once: a list whose
 * turn has not come is gathered whole meanwhile (an export of every unit holds a few units in
 * memory, never every row). DynamoDB answers the next units while the writer works on this one.
 */
export async function* listsInOrder<T>(lists: readonly (() => AsyncIterable<T[]>)[], ahead: number): AsyncIterable<T[]> {
  const gathered: Promise<T[][]>[] = [];
  const gather = async (list: () => AsyncIterable<T[]>) => {
    const pages: T[][] = [];
    for await (const page of list()) pages.push(page);
    return pages;
  };
  const start = (index: number) => {
    if (index >= lists.length || gathered[index]) return;
    gathered[index] = gather(lists[index]!);
    // Awaited in turn below; a failure of a list read ahead must not go unhandled meanwhile.
    gathered[index].catch(() => undefined);
  };
  for (let index = 0; index < lists.length; index += 1) {
    for (let next = index; next < index + ahead; next += 1) start(next);
    yield* await gathered[index]!;
    delete gathered[index];
  }
}

/**
 * Writes the pages into a file of `format` in the function's temporary folder (bytes leave
 * memory as they are made; between pages the writer waits for the disk), then answers the
 * file inline when it fits a Lambda response, or stores it under `exports/` and answers a link.
 */
export async function produceExport<Item>(definition: ExportDefinition<Item>, format: ExportFormat, pages: AsyncIterable<Item[]>, now: Date): Promise<ExportResult> {
  const path = join(tmpdir(), `jalin-export-${randomUUID()}`);
  const filename = `${definition.filename}.${format}`;
  const contentType = exportMediaTypes[format];
  const file = createWriteStream(path);
  // A failed disk write surfaces at the next wait for the disk; when the export fails for another
  // reason (a 404, a DynamoDB error), destroying the file must not raise an unhandled error.
  let diskError: Error | undefined;
  file.on('error', (error) => (diskError ??= error));
  try {
    let size = 0;
    let full = false;
    const out = (chunk: Uint8Array) => {
      size += chunk.byteLength;
      if (!file.write(chunk)) full = true;
    };
    const writer = (format === 'xlsx' ? xlsxWriter : csvWriter)(definition.tables, out);
    let rows = 0;
    for await (const items of pages) {
      rows += items.length;
      definition.tables.forEach((table, index) => writer.rows(index, items.flatMap((item) => table.rows(item))));
      if (full) {
        full = false;
        await once(file, 'drain');
      }
    }
    writer.end();
    file.end();
    await once(file, 'finish');
    if (diskError) throw diskError;

    // A Lambda response is capped at 6 MB and a binary body travels base64-encoded (4/3 larger):
    // the 4 MiB default becomes 5.6 MB with room for the headers (shared/config.ts).
    if (size <= settings().EXPORT_INLINE_MAX_BYTES) return { kind: 'inline', body: await readFile(path), filename, contentType, rows };
    const key = `exports/${todayInJakarta(now)}/${randomUUID()}.${format}`;
    const store = await fileStore();
    await store.write(key, createReadStream(path), contentType, size);
    const download = await store.downloadLink(key, { filename, contentType }, EXPORT_LINK_SECONDS);
    return { kind: 'stored', download, filename, contentType, size, rows };
  } finally {
    file.destroy();
    await rm(path, { force: true });
  }
}
