import { pathToFileURL } from 'node:url';
import { inFreshNode } from './fresh-node.ts';

/**
 * Runs in the fresh process: load the bundle, then serve its first request (the SDK client is
 * created then, as in Lambda), and report both. A failed request fails the measurement: a cold
 * start that answers an error is not a cold start.
 */
const probe = `
const start = performance.now();
const { handler } = await import(process.env.BUNDLE_URL);
const loaded = performance.now();
const result = await handler(JSON.parse(process.env.EVENT), { awsRequestId: 'bench' });
const status = result?.statusCode ?? 200;
if (status >= 400) { process.stderr.write('status ' + status + ' ' + (result?.body ?? '')); process.exit(3); }
process.stdout.write(JSON.stringify({ load: loaded - start, total: performance.now() - start }));
`;

export interface ColdInvocation {
  /** Module load and evaluation. */
  load: number;
  /** Load plus the first request: what a cold start costs the caller before its answer. */
  total: number;
}

/** A Lambda cold start of `file` in a fresh Node process: load, then the first invocation with `event`. */
export async function coldInvocation(file: string, event: unknown, environment: Record<string, string>): Promise<ColdInvocation> {
  const printed = await inFreshNode(probe, { ...environment, BUNDLE_URL: pathToFileURL(file).href, EVENT: JSON.stringify(event) }, `cold invocation of ${file}`);
  return JSON.parse(printed) as ColdInvocation;
}
