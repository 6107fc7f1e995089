import { fileStore } from '../../files/store.ts';

/** Where the file of an import is kept; the consumer of `imports/` reads the import id back from it. */
export const importFileKey = (id: string) => `imports/${id}.csv`;

export function importIdOf(key: string): string | undefined {
  return /^imports\/([A-Za-z0-9_-]{1,64})\.csv$/.exec(key)?.[1];
}

/** The uploaded roster as text (UTF-8; parseRoster drops a BOM). */
export async function readImportFile(key: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await (await fileStore()).read(key)) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
