import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { emailFunctionEntries } from '../infra/email.ts';
import { jobs } from '../shared/alerts/job-table.ts';
import { apiFunctionEntry, apiFunctionNames } from '../shared/http/layout.ts';
import { bundle, type Bundle } from './support/bundle.ts';
import { config } from './support/config.ts';
import { kb, markdownTable, ms, times } from './support/format.ts';
import { importMilliseconds } from './support/load-time.ts';
import { figure, type Section } from './support/report.ts';
import { median } from './support/stats.ts';

/**
 * 2. Cold start: every bundle CDK would deploy (the three API functions of shared/http/layout.ts
 * and one per scheduled job), built with infra/bundling.ts's options, against a floor bundle that only does a
 * GetItem with the same SDK. Size, and module load time in fresh Node processes.
 */
/** Issue 10: size and module load within 1.5x of the floor's. */
const MAX_SIZE_RATIO = 1.5;
const MAX_LOAD_RATIO = 1.5;
const root = fileURLToPath(new URL('../', import.meta.url));

/** The deployed entries, as infra/api.ts, infra/schedules.ts and infra/email.ts build them. */
export function deployedEntries(): string[] {
  return [...apiFunctionNames.map(apiFunctionEntry), ...jobs.map((job) => job.handler), ...Object.values(emailFunctionEntries)];
}

interface Measured {
  bundle: Bundle;
  name: string;
  loads: number[];
  error?: string;
}

/** Loads every bundle once per round, in a rotated order, so that slow moments hit all alike. */
async function measureLoads(targets: Measured[], log: (line: string) => void): Promise<void> {
  for (let round = -1; round < config.coldStartRuns; round += 1) {
    // Round -1 warms the file cache and is not kept.
    const order = targets.map((_, index) => targets[(index + Math.max(0, round)) % targets.length]!);
    for (const target of order) {
      if (target.error) continue;
      try {
        const value = await importMilliseconds(target.bundle.file);
        if (round >= 0) target.loads.push(value);
      } catch (error) {
        target.error = (error as Error).message;
      }
    }
    if (round >= 0) log(`  round ${round + 1}/${config.coldStartRuns}`);
  }
}

const topSources = (target: Bundle, count: number) =>
  target.sources
    .slice(0, count)
    .map((source) => `${source.source} ${kb(source.bytes)}`)
    .join(', ');

/**
 * Functions that need neither request parsing nor DynamoDB (health, not-found) and the route table
 * itself still carry zod and the SDK when something they import pulls them in: show what does.
 */
function whyEverywhere(targets: Measured[]): string[] {
  const lean = targets.filter((target) => /api\/public|route table/.test(target.name));
  const lines = lean.flatMap((target) =>
    ['@aws-sdk/client-dynamodb', 'zod'].flatMap((source) => {
      const chain = target.bundle.chainTo(source);
      return chain ? [`- ${target.name} holds ${source} through: ${chain.map((file) => `\`${file}\``).join(' → ')}`] : [];
    }),
  );
  return lines.length ? ['Why bundles that need neither DynamoDB nor validation still hold them (first import chain found by esbuild\'s metafile):', lines.join('\n')] : [];
}

/** What validation costs each bundle now that the schemas use zod/mini, from the metafile. */
function zodShare(functions: Measured[]): string {
  const zodBytes = (target: Measured) => target.bundle.sources.find((source) => source.source === 'zod')?.bytes ?? 0;
  return `zod (zod/mini, tree-shaken) accounts for at most ${kb(Math.max(...functions.map(zodBytes)))} of a function bundle.`;
}

export async function coldStart(log: (line: string) => void): Promise<Section> {
  const dir = mkdtempSync(join(tmpdir(), 'jalin-bench-bundles-'));
  try {
    const entries = deployedEntries();
    log(`  bundling ${entries.length} functions and the floor…`);
    const built = async (name: string, source: string): Promise<Measured> => ({ name, loads: [], bundle: await bundle(join(root, source), join(dir, source.replaceAll('/', '-'), 'index.mjs')) });
    const floor = await built('floor: one GetItem (client-dynamodb + lib-dynamodb)', 'bench/support/probes/floor-handler.ts');
    // Not deployed: they tell how much of a function's load time is zod, and the route table's schemas.
    const probes = [
      await built('diagnostic: zod alone, one schema', 'bench/support/probes/zod-only.ts'),
      await built('diagnostic: only the route table (shared/http/routes.ts)', 'bench/support/probes/route-table.ts'),
      await built('diagnostic: the logger alone (shared/log.ts, Powertools Logger)', 'bench/support/probes/logger.ts'),
      await built('diagnostic: the metrics alone (shared/metrics.ts, Powertools Metrics)', 'bench/support/probes/metrics.ts'),
    ];
    const functions: Measured[] = [];
    for (const entry of entries) functions.push(await built(`functions/${entry}.ts`, `functions/${entry}.ts`));
    await measureLoads([floor, ...probes, ...functions], log);
    if (floor.error) throw new Error(`the floor bundle does not load: ${floor.error}`);
    const floorMs = median(floor.loads);
    const context = (target: Measured) => (target.error ? `does not load: ${target.error}` : `${times(median(target.loads) / floorMs)} (${ms(median(target.loads))} vs ${ms(floorMs)}), ${kb(target.bundle.bytes)}`);

    const verdicts = functions.map((target) => ({
      target,
      loadPass: !target.error && median(target.loads) / floorMs <= MAX_LOAD_RATIO,
      sizePass: target.bundle.bytes <= floor.bundle.bytes * MAX_SIZE_RATIO,
    }));
    const figures = [
      figure(floor.name, `${ms(floorMs)} load, ${kb(floor.bundle.bytes)}`),
      ...probes.map((probe) => figure(`${probe.name}: load / floor, size`, context(probe))),
      ...verdicts.map(({ target, loadPass, sizePass }) => figure(`${target.name}: load / floor, size`, context(target), `≤ ${MAX_LOAD_RATIO}x, ≤ ${MAX_SIZE_RATIO}x size`, loadPass && sizePass)),
    ];
    const largest = [...functions].sort((a, b) => b.bundle.bytes - a.bundle.bytes)[0]!;
    const details = [
      markdownTable(
        ['Bundle', 'Size', 'Load (median)', 'Load / floor', `Size ≤ ${MAX_SIZE_RATIO}x`, `Load ≤ ${MAX_LOAD_RATIO}x`, 'Largest sources'],
        [floor, ...probes, ...functions].map((target) => {
          const verdict = verdicts.find((candidate) => candidate.target === target);
          return [
            target.name,
            kb(target.bundle.bytes),
            target.error ? 'error' : ms(median(target.loads)),
            target.error ? '—' : times(median(target.loads) / floorMs),
            verdict ? (verdict.sizePass ? 'pass' : 'FAIL') : '—',
            verdict ? (verdict.loadPass ? 'pass' : 'FAIL') : '—',
            topSources(target.bundle, 4),
          ];
        }),
      ),
      `Where the bytes of the largest bundle (${largest.name}, ${kb(largest.bundle.bytes)}) come from, by package or repository folder (esbuild metafile, bytes in the minified output):`,
      markdownTable(['Source', 'Bytes', 'Share'], largest.bundle.sources.slice(0, 12).map((source) => [source.source, kb(source.bytes), `${((100 * source.bytes) / largest.bundle.bytes).toFixed(1)}%`])),
      zodShare(functions),
      ...whyEverywhere([...probes, ...functions]),
      `Bundled with \`esbuildOptions\` of infra/bundling.ts (the options NodejsFunction receives: ESM, ${'`minify`'}, target node24, mainFields module,main, the createRequire banner, nothing external). ` +
        `Load time: \`await import(bundle)\` timed inside a fresh \`node\` process (${process.version} here; Lambda runs Node 24), median of ${config.coldStartRuns} runs after one discarded warm-up run, bundles interleaved. ` +
        'It covers module evaluation only (no Lambda runtime init, no first request). KB = 1,000 bytes.',
    ];
    return { title: '2. Cold start (bundle size and module load time vs a one-GetItem floor)', figures, details };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
