import { AxeBuilder } from '@axe-core/playwright';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, vi } from 'vitest';
import type { Group } from '../../shared/http/auth.ts';
import { mintToken } from '../../infra/local/tokens.ts';
import { demoNip } from '../../infra/local/demo-data-training.ts';
import { seedDemoData } from '../../infra/local/seed-demo-data.ts';
import { startServer, type RunningServer } from '../../infra/local/server.ts';
import { useTestTable } from '../support/database.ts';

/** 20 December 2026, 09:00 in Jakarta: the year-end windows cross into 2027. */
export const FIXED_NOW = new Date('2026-12-20T02:00:00Z');
/** The employee who signs in: one of the demo employees, with records and programs of their own. */
export const EMPLOYEE_NIP = demoNip(1);
/** How long a condition may take to hold on a busy shared machine (never a pass/fail criterion). */
export const POLL_TIMEOUT = 60_000;
export const screenshotsDir = join(process.cwd(), 'test-results', 'screenshots');

/** Debian's chromium, never a downloaded build; flags for a closed network (shared/toolchain.md). */
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * The console as `npm start` serves it: built by Vite into a temporary folder, served by the
 * local server next to the API, over a fresh table with the demo agreements, both the server and
 * the browser on a clock fixed on 20 December.
 */
export function useConsole() {
  useTestTable();
  const state: { server?: RunningServer; browser?: Browser; dist?: string } = {};
  beforeAll(async () => {
    state.dist = await mkdtemp(join(tmpdir(), 'jalin-console-'));
    await build({ configFile: join(process.cwd(), 'console/vite.config.ts'), logLevel: 'error', build: { outDir: state.dist, emptyOutDir: true } });
    state.browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
    await mkdir(screenshotsDir, { recursive: true });
    // Only Date is faked, and only in this process (the server's): its "today" (statuses,
    // expiring windows) is the browser's fixed 20 December.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(FIXED_NOW);
    await seedDemoData();
    state.server = await startServer({ console: state.dist });
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
    if (state.dist) await rm(state.dist, { recursive: true, force: true });
    vi.useRealTimers();
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await state.browser!.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: { width: 1280, height: 900 }, baseURL: state.server!.url, acceptDownloads: true });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.clock.setFixedTime(FIXED_NOW);
    return { context, page };
  }

  /** Signs in on /masuk with the button named after the group, as a person would. */
  async function signedIn(group: Group): Promise<{ context: BrowserContext; page: Page }> {
    const session = await newPage();
    const { page } = session;
    await page.goto('/masuk');
    if (group === 'employee') await page.getByLabel('NIP (untuk employee)').fill(EMPLOYEE_NIP);
    await page.getByRole('button', { name: group, exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/masuk');
    await page.locator('[data-page]').first().waitFor();
    return session;
  }

  /** The API under /api as a group calls it (a token minted as `npm run token` does): to set the scene or check the outcome. */
  async function api(group: Group, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const token = await mintToken({ groups: [group] });
    const response = await fetch(`${state.server!.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, etag: response.headers.get('etag'), body: (await response.json().catch(() => undefined)) as any };
  }

  return { newPage, signedIn, api, url: () => state.server!.url };
}

/** axe-core on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(blocking, what).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
}

/** Waits until the page's data has arrived (no loader left). */
export async function settled(page: Page): Promise<void> {
  await page.locator('[data-page]').first().waitFor();
  await expect.poll(() => page.getByRole('status').filter({ hasText: /Memuat|Loading/ }).count(), { timeout: POLL_TIMEOUT }).toBe(0);
}
