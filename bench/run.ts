import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { coldSession } from './cold-session.ts';
import { consoleSection } from './console.ts';
import { consoleUnitSection } from './console-unit.ts';
import { coldStart } from './cold-start.ts';
import { exportsBenchmark } from './exports.ts';
import { growthRun, growthSection } from './growth.ts';
import { backgroundImport } from './background-import.ts';
import { bulkImport } from './import.ts';
import { requestOverhead } from './latency.ts';
import { config, configVariables } from './support/config.ts';
import { startBenchEngine } from './support/engine.ts';
import { markdownTable } from './support/format.ts';
import { machineNotes } from './support/machine.ts';
import { assertBenchNipsValid } from './support/nip.ts';
import { consoleSummary, failures, figure, markdownDetails, markdownSummary, type Section } from './support/report.ts';
import { statisticsSection } from './statistics.ts';
import { sweepSection } from './sweep-cost.ts';

/**
 * `npm run bench`: starts its own in-memory DynamoDB Local, runs the benchmarks of issue 5 in
 * turn (each in a table of its own), prints the summary and writes it to bench/RESULTS.md
 * (BENCH_OUT for another file). Sizes and durations: bench/support/config.ts.
 */
const output = process.env.BENCH_OUT ?? fileURLToPath(new URL('./RESULTS.md', import.meta.url));
const started = new Date();
const log = (line: string) => console.log(`[${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/**
 * A section that throws (a lock timeout of a busy engine, a page that never paints) is reported as
 * failed, with its error, and the run goes on: one broken section does not discard the others.
 */
async function attempt(name: string, run: () => Promise<Section>): Promise<Section> {
  try {
    return await run();
  } catch (error) {
    log(`  ${name} failed: ${(error as Error).message.split('\n')[0]}`);
    return { title: `${name} (did not complete)`, figures: [figure('Completed', (error as Error).message.split('\n')[0]!, 'yes', false)], details: [] };
  }
}

async function runAll(): Promise<Section[]> {
  assertBenchNipsValid();
  const engine = await startBenchEngine();
  const sections: Section[] = [];
  try {
    // Smallest data first: the later loads leave a large in-memory engine behind.
    if (config.only.has('latency')) {
      log('1. request overhead');
      sections.push(await attempt('requestOverhead', () => requestOverhead(engine, log)));
    }
    if (config.only.has('cold-start')) {
      log('2. cold start');
      sections.push(await attempt('coldStart', () => coldStart(log)));
    }
    if (config.only.has('cold-session')) {
      log('6. cold session');
      sections.push(await attempt('coldSession', () => coldSession(engine, log)));
    }
    if (config.only.has('import')) {
      log('4. bulk import');
      sections.push(await attempt('bulkImport', () => bulkImport(engine, log)));
    }
    if (config.only.has('statistics')) {
      log('7. yearly statistics');
      sections.push(await attempt('statisticsSection', () => statisticsSection(engine, log)));
    }
    if (config.only.has('console')) {
      log('8. console');
      sections.push(await attempt('consoleSection', () => consoleSection(engine, log)));
    }
    if (config.only.has('console-unit')) {
      log('8b. console unit page');
      sections.push(await attempt('consoleUnitSection', () => consoleUnitSection(engine, log)));
    }
    if (config.only.has('background-import')) {
      log('4b. background import');
      sections.push(await attempt('backgroundImport', () => backgroundImport(engine, log)));
    }
    if (config.only.has('exports')) {
      log('9. exports');
      sections.push(await attempt('exportsBenchmark', () => exportsBenchmark(engine, log)));
    }
    if (config.only.has('sweep')) {
      log('3 and 5. sweep cost and growth');
      const stages = await growthRun(engine, log);
      sections.push(sweepSection(stages[stages.length - 1]!), growthSection(stages));
    }
  } finally {
    await engine.stop();
  }
  // In the order of the issue.
  return sections.sort((a, b) => a.title.localeCompare(b.title, 'en', { numeric: true }));
}

function settingsTable(): string {
  return markdownTable(
    ['Variable', 'Value', 'Meaning'],
    [
      ['BENCH_SCALE', String(config.scale), 'Multiplies the data sizes (1 = the issue\'s 100,000 agreements and 60,000 employees at x100).'],
      ['BENCH_ONLY', process.env.BENCH_ONLY ?? '(all)', 'Comma-separated subset of latency, cold-start, cold-session, import, background-import, sweep, statistics, console, console-unit, exports (sweep = sections 3 and 5).'],
      ['BENCH_LATENCY_SECONDS', String(config.latencySeconds), 'Seconds of load per side and per route and concurrency.'],
      ['BENCH_COLD_RUNS', String(config.coldStartRuns), 'Fresh Node processes per bundle (median reported).'],
      ['BENCH_SWEEP_REPEATS', String(config.sweepRepeats), 'Repetitions of each sweep read (median time).'],
      ['BENCH_IMPORT_ROWS', String(config.importRows), 'Rows of the bulk import of section 4 (the issue: 50,000, over as many employees).'],
      ['BENCH_BACKGROUND_IMPORT_ROWS', String(config.backgroundImportRows), 'Rows of the background import of section 4b, one per employee (the issue: 50,000).'],
      ['BENCH_OUT', process.env.BENCH_OUT ?? 'bench/RESULTS.md', 'Where this file is written.'],
    ],
  );
}

/** The figures that miss their target, by section; a long list becomes a count. */
function notMet(sections: Section[]): string {
  return sections
    .flatMap((section) => {
      const checked = section.figures.filter((line) => line.pass !== undefined);
      const failing = checked.filter((line) => line.pass === false);
      if (failing.length === 0) return [];
      if (failing.length > 3) return [`${failing.length} of the ${checked.length} checked figures of section ${section.title.split('.')[0]}`];
      return failing.map((line) => line.figure);
    })
    .join('; ');
}

function resultsMarkdown(sections: Section[], minutes: number): string {
  const failing = failures(sections);
  const targeted = sections.flatMap((section) => section.figures).filter((line) => line.pass !== undefined).length;
  const changed = configVariables.filter((name) => process.env[name] !== undefined);
  return [
    '# Benchmark results (issue 5)',
    '',
    `Generated by \`npm run bench\` on ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC in ${minutes.toFixed(1)} minutes${changed.length ? ` (with ${changed.map((name) => `${name}=${process.env[name]}`).join(', ')})` : ' (default settings)'}.`,
    '',
    ...machineNotes().map((note) => `- ${note}`),
    '',
    'The machine is shared and noisy, and DynamoDB Local is not DynamoDB: read each figure as the ratio of two things measured in the same run, close together; the absolute numbers beside it are there to judge the ratio, not to predict AWS.',
    '',
    '## Summary',
    '',
    `${targeted - failing.length} of ${targeted} checked figures meet their target.${failing.length ? ` Not met: ${notMet(sections)}.` : ''}`,
    '',
    markdownSummary(sections),
    '',
    '## Details',
    '',
    markdownDetails(sections),
    '',
    '## How to reproduce',
    '',
    'Prerequisites: Node.js 20+ and Java 17+ (as for `npm start`); nothing else, no network.',
    '',
    '```sh',
    'npm ci',
    'npm run bench                                   # everything, ~10 minutes; rewrites bench/RESULTS.md',
    'BENCH_SCALE=0.1 BENCH_OUT=/tmp/r.md npm run bench   # a quick check on a tenth of the data',
    'BENCH_ONLY=latency,cold-start npm run bench     # some benchmarks only',
    'BENCH_ONLY=import BENCH_IMPORT_ROWS=5000 npm run bench    # a smaller bulk import',
    'SOAK_SECONDS=60 npm run soak                    # 50 clients of mixed reads and writes, then checks the data',
    '```',
    '',
    settingsTable(),
    '',
  ].join('\n');
}

/** Sections other tools write into RESULTS.md (`npm run mutation`'s scores): kept as they are. */
const KEPT_FROM = '\n## Mutation testing';
function keptSections(): string {
  if (!existsSync(output)) return '';
  const previous = readFileSync(output, 'utf8');
  const start = previous.indexOf(KEPT_FROM);
  return start < 0 ? '' : previous.slice(start);
}

try {
  const sections = await runAll();
  const minutes = (Date.now() - started.getTime()) / 60_000;
  console.log(consoleSummary(sections));
  writeFileSync(output, resultsMarkdown(sections, minutes) + keptSections());
  const failing = failures(sections);
  console.log(`\n${failing.length ? `${failing.length} figure(s) miss their target (see above).` : 'Every checked figure meets its target.'} Written to ${output} (${minutes.toFixed(1)} min).`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
