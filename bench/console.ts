import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { seedDemoData } from '../infra/local/seed-demo-data.ts';
import { startServer } from '../infra/local/server.ts';
import { createAgreement } from '../shared/agreements/service.ts';
import { addDays, todayInJakarta } from '../shared/time/calendar.ts';
import { agreementDates, agreementInput } from './support/datasets.ts';
import type { BenchEngine } from './support/engine.ts';
import { kb, markdownTable, ms } from './support/format.ts';
import { figure, type Section } from './support/report.ts';
import { median } from './support/stats.ts';

/** Issue 13: JavaScript + CSS of the first page ≤ 250 KB gzip; the list renders in ≤ 1.5× its API calls at 4× CPU throttling. */
const FIRST_LOAD_BUDGET = 250_000;
const MAX_RENDER_RATIO = 1.5;
const RENDER_RUNS = 7;
const statuses = ['ACTIVE', 'EXPIRED', 'PENDING', ''];

/**
 * 7. Console: the built console served by the local server, in Debian's chromium. First load:
 * every JS and CSS file the browser fetches for /masuk and the inbox, gzip-compressed. List
 * render: with the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate), from the click on
 * "Terapkan" to the table showing the new page, against the duration of the API call it made.
 */
export async function consoleSection(engine: BenchEngine, log: (line: string) => void): Promise<Section> {
  await engine.useTable('bench-console');
  await seedDemoData();
  const today = todayInJakarta();
  for (let index = 0; index < 40; index += 1) {
    await createAgreement(agreementInput(index, agreementDates(index, 20, today, 180)), { subject: 'bench', now: new Date() });
  }
  const dist = await mkdtemp(join(tmpdir(), 'jalin-console-bench-'));
  await build({ configFile: join(process.cwd(), 'console/vite.config.ts'), logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
  const server = await startServer({ console: dist });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    // bypassCSP: the measuring expressions below are evaluated as text, which the console's CSP (no eval) forbids.
    const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', baseURL: server.url, bypassCSP: true });
    const page = await context.newPage();
    const assets = new Map<string, number>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (/\.(js|css)$/.test(url.pathname)) void response.body().then((body) => assets.set(url.pathname, gzipSync(body).length));
    });
    log('7. console: first load');
    await page.goto('/masuk');
    await page.getByRole('button', { name: 'agreements-admin', exact: true }).click();
    await page.locator('[data-page="inbox"]').waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const firstFiles = [...assets].sort((a, b) => b[1] - a[1]);
    const firstLoad = firstFiles.reduce((sum, [, size]) => sum + size, 0);

    log('7. console: list render at 4x CPU throttling');
    await page.goto('/kerja-sama');
    await page.locator('[data-page="agreement-list"][data-fresh="true"]').waitFor({ timeout: 120_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const runs: { render: number; api: number }[] = [];
    for (let run = 0; run < RENDER_RUNS; run += 1) {
      await page.getByLabel('Status').selectOption(statuses[run % statuses.length]!);
      await page.getByLabel('Berakhir sampai').fill(addDays(today, 3650 + run));
      await page.evaluate(() => performance.clearResourceTimings());
      const started = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Terapkan' }).click();
      // Browser-side expressions as text: this file is checked without the DOM types.
      await page.waitForFunction(
        `document.querySelector('[data-page="agreement-list"]')?.getAttribute('data-fresh') === 'true' && performance.getEntriesByType('resource').some((entry) => entry.name.includes('/api/agreements'))`,
        undefined,
        { timeout: 120_000 },
      );
      const measured = (await page.evaluate(`(() => {
        const calls = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/agreements'));
        return { render: performance.now() - ${started}, api: Math.max(...calls.map((call) => call.responseEnd)) - Math.min(...calls.map((call) => call.startTime)) };
      })()`)) as { render: number; api: number };
      runs.push(measured);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const render = median(runs.map((run) => run.render));
    const api = median(runs.map((run) => run.api));
    const ratio = render / api;
    return {
      title: '7. Console (issue 13)',
      figures: [
        figure('First load: JS + CSS of /masuk and the inbox, gzip', kb(firstLoad), `≤ ${kb(FIRST_LOAD_BUDGET)}`, firstLoad <= FIRST_LOAD_BUDGET),
        figure('Agreements list: render vs its API call, CPU 4× throttled (median)', `${ratio.toFixed(2)}x (${ms(render)} vs ${ms(api)})`, `≤ ${MAX_RENDER_RATIO}x`, ratio <= MAX_RENDER_RATIO),
      ],
      details: [
        'First-load files (gzip):',
        '',
        markdownTable(['File', 'gzip'], firstFiles.map(([file, size]) => [file, kb(size)])),
        '',
        `List render runs (ms, render / API): ${runs.map((run) => `${run.render.toFixed(0)}/${run.api.toFixed(0)}`).join(', ')}. Render is from the click on "Terapkan" to the table of the new page; the API time spans its calls (fetch start to last byte), so the ratio includes it.`,
      ],
    };
  } finally {
    await browser.close();
    await server.close();
    await rm(dist, { recursive: true, force: true });
  }
}
