import { fileURLToPath, pathToFileURL } from 'node:url';

const loaded = new Map<string, Promise<unknown>>();

/**
 * The `handler` export of functions/<entry>.ts: the very module CDK bundles for that function,
 * loaded once per process (by file URL, which also works under Vitest).
 */
export function loadHandler<H>(entry: string): Promise<H> {
  let handler = loaded.get(entry);
  if (!handler) {
    const file = pathToFileURL(fileURLToPath(new URL(`../../functions/${entry}.ts`, import.meta.url))).href;
    handler = import(/* @vite-ignore */ file).then((module: { handler: H }) => module.handler);
    loaded.set(entry, handler);
  }
  return handler as Promise<H>;
}
