import { pathToFileURL } from 'node:url';
import { inFreshNode } from './fresh-node.ts';

/** Runs in the fresh process: how long the first `import()` of the bundle takes, and nothing else. */
const probe = 'const start = performance.now(); await import(process.env.BUNDLE_URL); process.stdout.write(String(performance.now() - start));';

/**
 * Milliseconds that a fresh Node process spends loading and evaluating `file` (what a Lambda cold
 * start spends on the module before the first invocation), measured inside that process.
 */
export async function importMilliseconds(file: string): Promise<number> {
  const printed = await inFreshNode(probe, { BUNDLE_URL: pathToFileURL(file).href }, `loading ${file}`);
  const value = Number(printed);
  if (!Number.isFinite(value)) throw new Error(`loading ${file} printed ${printed}`);
  return value;
}
