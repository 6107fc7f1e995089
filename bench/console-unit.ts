import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { startServer } from '../infra/local/server.ts';
import { zeroTotal } from '../shared/training/repository/total-changes.ts';
import { currentYear } from '../shared/time/calendar.ts';
import { batchWriteAll, writeRange } from './support/bulk.ts';
import { config } from './support/config.ts';
import { employeeRecord, unitName } from './support/datasets.ts';
import type { BenchEngine } from './support/engine.ts';
import { counterItems, employeeItem, totalItem, unitItem } from './support/items.ts';
import { count, markdownTable, ms, percent } from './support/format.ts';
import { figure, type Section } from './support/report.ts';
import { TRACE_CATEGORIES } from './console.ts';
import { median } from './support/stats.ts';

/** Issue 14: the unit page stays smooth with 5,000 employees in one unit, the CPU throttled 4×. */
const EMPLOYEES = 5_000;
/** Share of frames slower than 50 ms (under 20 fps) while scrolling end to end. */
const MAX_SLOW_FRAME_SHARE = 0.05;
const SLOW_FRAME_MS = 50;
const RUNS = 3;
/** Pixels scrolled per animation frame: 5,000 rows of 40 px end to end in about 330 frames. */
const SCROLL_STEP = 600;
/**
 * End-to-end scroll passes. One pass (~330 frames, about 10 s) is one sample: on this shared
 * 2-core machine another process's burst spoils a whole pass. The checked figure is the median of
 * the passes' shares: it ignores up to two disturbed passes, while a page that is slow makes every
 * pass slow. The share over all frames of all passes is reported beside it.
 */
const SCROLL_PASSES = 5;
/** Hours from 0 to 40 in steps of 5, so that every band (0, partial, met) is full of rows. */
const hoursOf = (index: number) => (index % 9) * 5;
/** BENCH_CONSOLE_UNIT_TRACE=file.json: a Chrome trace (Perfetto, DevTools) of the first load, click to every row, of an unminified build (readable names). */
const traceFile = process.env.BENCH_CONSOLE_UNIT_TRACE || undefined;
/** BENCH_CONSOLE_UNIT_SCROLL_TRACE=file.json: the same for the first scroll pass, end to end. */
const scrollTraceFile = process.env.BENCH_CONSOLE_UNIT_SCROLL_TRACE || undefined;

interface Run {
  /** From the pointerdown on the unit's link (the user's click), as every figure below. */
  firstRows: number;
  /** From before Playwright's click action (its actionability checks included): how it was measured until 2026-12-01. */
  firstRowsFromAction: number;
  firstApi: number;
  allRows: number;
  allApi: number;
  calls: number;
  /** Animation frames from the click until every row is loaded, and those slower than SLOW_FRAME_MS. */
  loadFrames: number;
  loadSlowFrames: number;
  loadLongestTask: number;
}

interface ScrollPass {
  frames: number;
  slowFrames: number;
  p95: number;
  longestTask: number;
  rowsInDom: number;
  /** The machine's 1-minute load average at the end of the pass. */
  load: number;
}

/**
 * 8b. The unit page: 5,000 employees of one unit (items written in bulk, with their totals and the
 * unit's histogram), in Debian's chromium with the CPU throttled 4× (CDP
 * Emulation.setCPUThrottlingRate). From the click on the unit in the heat map: the first rows on
 * screen against the API calls they waited for (target + first page of GET /compliance), every
 * row loaded against the span of all the calls, and the frames while the pages arrive (is the page
 * still responsive). Then, every row loaded (end to end needs all 5,000: what a user scrolls once
 * the count stops growing), the grid scrolled end to end, one step per animation frame: frames
 * slower than 50 ms and the longest task.
 */
export async function consoleUnitSection(engine: BenchEngine, log: (line: string) => void): Promise<Section> {
  await engine.useTable('bench-console-unit');
  const year = currentYear(new Date());
  const at = new Date().toISOString();
  const unit = unitName(0);
  log(`8b. unit page: loading ${count(EMPLOYEES)} employees of one unit`);
  await batchWriteAll([unitItem(unit)], 1, engine.loader);
  await writeRange(
    0,
    EMPLOYEES,
    (index) => {
      const employee = employeeRecord(index, 1, at);
      return [employeeItem(employee, 1), totalItem({ ...zeroTotal(employee, year), hours: hoursOf(index), trainings: Math.ceil(hoursOf(index) / 8), revision: 1 })];
    },
    engine.loader,
    config.writeConcurrency,
  );
  await batchWriteAll(counterItems(year, Array.from({ length: EMPLOYEES }, (_, index) => ({ unit, hours: hoursOf(index) }))), 1, engine.loader);

  const dist = await mkdtemp(join(tmpdir(), 'jalin-console-unit-bench-'));
  await build({ configFile: join(process.cwd(), 'console/vite.config.ts'), logLevel: 'error', build: { outDir: dist, emptyOutDir: true, minify: traceFile === undefined && scrollTraceFile === undefined } });
  const server = await startServer({ console: dist });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    // bypassCSP: the measuring expressions are evaluated as text, which the console's CSP (no eval) forbids.
    const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', baseURL: server.url, bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto('/masuk');
    await page.getByRole('button', { name: 'training-admin', exact: true }).click();
    await page.locator('[data-page]').first().waitFor({ timeout: 120_000 });
    const cdp = await context.newCDPSession(page);
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      log(`8b. unit page: load ${run + 1}/${RUNS} at 4x CPU throttling`);
      // A fresh document each run: nothing cached by the console.
      await page.goto(`/pelatihan?tahun=${year}`);
      const link = page.getByTestId('heat-map').getByRole('link', { name: unit });
      await link.waitFor({ timeout: 120_000 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const tracing = traceFile !== undefined && run === 0;
      if (tracing) await browser.startTracing(page, { path: traceFile, screenshots: false, categories: TRACE_CATEGORIES });
      runs.push(await measureLoad(page, () => link.click()));
      if (tracing) await browser.stopTracing();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((metric) => [metric.name, metric.value]));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const loadBefore = loadavg()[0]!;
    const before = await metrics();
    const passes: ScrollPass[] = [];
    for (let pass = 0; pass < SCROLL_PASSES; pass += 1) {
      log(`8b. unit page: scrolling 5,000 rows end to end, pass ${pass + 1}/${SCROLL_PASSES}, at 4x CPU throttling`);
      const tracing = scrollTraceFile !== undefined && pass === 0;
      if (tracing) await browser.startTracing(page, { path: scrollTraceFile, screenshots: false, categories: TRACE_CATEGORIES });
      passes.push({ ...(await measureScroll(page)), load: loadavg()[0]! });
      if (tracing) await browser.stopTracing();
    }
    const after = await metrics();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const scrollFrames = passes.reduce((sum, pass) => sum + pass.frames, 0);
    const scrollSlow = passes.reduce((sum, pass) => sum + pass.slowFrames, 0);
    // Main-thread work per frame (seconds in CDP's metrics): what the page costs, apart from waiting for a busy CPU.
    const perFrame = (name: string) => ((after[name]! - before[name]!) * 1000) / scrollFrames;
    const shareOf = (pass: ScrollPass) => pass.slowFrames / pass.frames;
    const passText = (pass: ScrollPass) => `${percent(shareOf(pass) * 100)} (${pass.slowFrames} of ${pass.frames})`;
    const slowShare = median(passes.map(shareOf));

    const firstRows = median(runs.map((run) => run.firstRows));
    const firstApi = median(runs.map((run) => run.firstApi));
    const firstRatio = firstRows / firstApi;
    const loadSlow = runs.reduce((sum, run) => sum + run.loadSlowFrames, 0);
    const loadFrames = runs.reduce((sum, run) => sum + run.loadFrames, 0);
    return {
      title: '8b. Console unit page, 5,000 employees (issue 14)',
      figures: [
        // Context, not a target: issue 14 asks for smooth scrolling, not for section 8's render bar, whose no-framework floor (section 8) no page here meets.
        figure('Unit page: first rows vs the API calls they wait for, CPU 4× (median)', `${firstRatio.toFixed(2)}x (${ms(firstRows)} vs ${ms(firstApi)})`),
        figure(
          'Unit page: every row loaded vs all its API calls, CPU 4× (median)',
          `${(median(runs.map((run) => run.allRows)) / median(runs.map((run) => run.allApi))).toFixed(2)}x (${ms(median(runs.map((run) => run.allRows)))} vs ${ms(median(runs.map((run) => run.allApi)))}, ${runs[0]!.calls} calls)`,
        ),
        figure(
          `Unit page: frames over ${SLOW_FRAME_MS} ms while the 51 pages load (all runs), CPU 4×`,
          `${((loadSlow / loadFrames) * 100).toFixed(1)}% (${loadSlow} of ${loadFrames}; longest task ${ms(Math.max(...runs.map((run) => run.loadLongestTask)))})`,
        ),
        figure(
          `Unit page: frames over ${SLOW_FRAME_MS} ms scrolling 5,000 rows end to end, CPU 4× (median of ${SCROLL_PASSES} passes)`,
          `${percent(slowShare * 100)} (passes: ${passes.map(passText).join(', ')}; all frames ${percent((scrollSlow / scrollFrames) * 100)}; load average ${loadBefore.toFixed(1)} → ${passes.at(-1)!.load.toFixed(1)} on ${cpus().length} cores)`,
          `≤ ${MAX_SLOW_FRAME_SHARE * 100}%`,
          slowShare <= MAX_SLOW_FRAME_SHARE,
        ),
      ],
      details: [
        markdownTable(
          ['Run', 'First rows', 'From before the click action', 'Their API calls', 'Every row', 'All API calls', 'Calls', 'Frames over 50 ms while loading'],
          runs.map((run, index) => [String(index + 1), ms(run.firstRows), ms(run.firstRowsFromAction), ms(run.firstApi), ms(run.allRows), ms(run.allApi), String(run.calls), `${run.loadSlowFrames} of ${run.loadFrames}`]),
        ),
        '',
        markdownTable(
          ['Scroll pass', 'Frames over 50 ms', 'p95 frame', 'Longest task', 'Load average at its end'],
          passes.map((pass, index) => [String(index + 1), passText(pass), ms(pass.p95), ms(pass.longestTask), pass.load.toFixed(1)]),
        ),
        '',
        `Main-thread work per scroll frame over all passes (CDP Performance metrics, 4× throttled): script ${ms(perFrame('ScriptDuration'))}, style ${ms(perFrame('RecalcStyleDuration'))}, layout ${ms(perFrame('LayoutDuration'))}, all tasks ${ms(perFrame('TaskDuration'))}, main-thread CPU ${ms(perFrame('ThreadTime'))}; the machine's load average was ${loadBefore.toFixed(1)} before the passes on ${cpus().length} cores, so wall-clock frames include waiting for a CPU.`,
        '',
        `From the click on the unit in the heat map (its pointerdown; "from before the click action" adds Playwright's checks before it clicks, how this was measured until 2026-12-01). "Their API calls" spans GET /training-targets/{year} and the first page of GET /compliance (fetch start to last byte, in the browser); "All API calls" the span of every call until the last page (${count(EMPLOYEES)} rows, 100 a page, one after the other). Scrolling: the grid's scrollTop moved ${SCROLL_STEP} px per animation frame from the top to the bottom; ${passes[0]!.rowsInDom} rows were in the DOM at the end (virtualized).`,
      ],
    };
  } finally {
    await browser.close();
    await server.close();
    await rm(dist, { recursive: true, force: true });
  }
}

/** Browser-side expressions are passed as text: this file is checked without the DOM types. */
async function measureLoad(page: Page, open: () => Promise<void>): Promise<Run> {
  await page.evaluate(`(() => {
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(1000);
    const bench = (window.__unitBench = { started: performance.now(), frames: [], tasks: [] });
    addEventListener('pointerdown', () => { bench.clicked = performance.now(); }, { capture: true, once: true });
    new PerformanceObserver((list) => bench.tasks.push(...list.getEntries())).observe({ type: 'longtask' });
    const tick = (now) => {
      if (bench.clicked !== undefined) bench.frames.push(now - (bench.last ?? bench.clicked));
      bench.last = now;
      if (!bench.done) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-page="unit"] [data-row]')) { window.__unitBench.firstRows = performance.now(); observer.disconnect(); }
    }).observe(document.body, { childList: true, subtree: true });
  })()`);
  await open();
  await page.locator('[data-page="unit"][data-complete="true"]').waitFor({ timeout: 300_000 });
  return (await page.evaluate(`(() => {
    const allRows = performance.now();
    const bench = window.__unitBench;
    bench.done = true;
    const { started, clicked, firstRows } = bench;
    const calls = performance.getEntriesByType('resource').filter((entry) => /\\/api\\/(compliance\\?|training-targets\\/)/.test(entry.name));
    const pages = calls.filter((entry) => entry.name.includes('/api/compliance?'));
    const first = [...calls.filter((entry) => entry.name.includes('/training-targets/')), pages.find((entry) => !entry.name.includes('cursor='))].filter(Boolean);
    const span = (list) => Math.max(...list.map((entry) => entry.responseEnd)) - Math.min(...list.map((entry) => entry.startTime));
    return {
      firstRows: firstRows - clicked, firstRowsFromAction: firstRows - started, firstApi: span(first), allRows: allRows - clicked, allApi: span(calls), calls: calls.length,
      loadFrames: bench.frames.length, loadSlowFrames: bench.frames.filter((frame) => frame > ${SLOW_FRAME_MS}).length, loadLongestTask: Math.max(0, ...bench.tasks.filter((task) => task.startTime >= clicked).map((task) => task.duration)),
    };
  })()`)) as Run;
}

/** One pass: from the top to the bottom, one step per animation frame. */
async function measureScroll(page: Page): Promise<Omit<ScrollPass, 'load'>> {
  return (await page.evaluate(`new Promise((resolve) => {
    const grid = document.querySelector('[data-testid="unit-rows"]');
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({ type: 'longtask' });
    const frames = [];
    let last = performance.now();
    grid.scrollTop = 0;
    const step = (now) => {
      frames.push(now - last);
      last = now;
      if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) {
        observer.disconnect();
        const sorted = [...frames].sort((a, b) => a - b);
        resolve({ frames: frames.length, slowFrames: frames.filter((frame) => frame > ${SLOW_FRAME_MS}).length, p95: sorted[Math.floor(sorted.length * 0.95)], longestTask: Math.max(0, ...tasks), rowsInDom: grid.querySelectorAll('[data-row]').length });
        return;
      }
      grid.scrollTop += ${SCROLL_STEP};
      requestAnimationFrame(step);
    };
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(step); });
  })`)) as Omit<ScrollPass, 'load'>;
}
