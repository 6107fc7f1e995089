import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groups, type Group } from '../../shared/http/auth.ts';
import { expectAccessible, POLL_TIMEOUT, screenshot, settled, useConsole } from './harness.ts';

const consoleUi = useConsole();

/** Every page of part 1, and which groups may see it (the others get the 403 page). */
const readers: Group[] = ['agreements-admin', 'training-admin', 'auditor'];
const pages: { name: string; path: (id: string) => string; page: string; groups: Group[] }[] = [
  { name: 'perlu-perhatian', path: () => '/', page: 'inbox', groups: readers },
  { name: 'kerja-sama', path: () => '/kerja-sama', page: 'agreement-list', groups: readers },
  { name: 'kerja-sama-detail', path: (id) => `/kerja-sama/${id}`, page: 'agreement-detail', groups: readers },
  { name: 'kerja-sama-baru', path: () => '/kerja-sama/baru', page: 'agreement-form', groups: ['agreements-admin'] },
  { name: 'kerja-sama-ubah', path: (id) => `/kerja-sama/${id}/ubah`, page: 'agreement-form', groups: ['agreements-admin'] },
  { name: 'kalender', path: () => '/kalender', page: 'calendar', groups: readers },
  { name: 'statistik', path: () => '/statistik', page: 'statistics', groups: readers },
  { name: 'notifikasi', path: () => '/notifikasi', page: 'alerts', groups: readers },
];

it('the local sign-in page offers the four groups as buttons named exactly after them', async () => {
  const { context, page } = await consoleUi.newPage();
  await page.goto('/masuk');
  for (const group of groups) await expect(page.getByRole('button', { name: group, exact: true }).count()).resolves.toBe(1);
  await expectAccessible(page, '/masuk');
  await screenshot(page, 'masuk');
  await context.close();
});

describe.each(groups)('every page as %s', (group) => {
  let session: Awaited<ReturnType<typeof consoleUi.signedIn>>;
  let agreementId = 'x';
  beforeAll(async () => {
    session = await consoleUi.signedIn(group);
    // An agreement to open: the Jakarta–Tokyo sister city of the demo data (read with the session's own token).
    agreementId = await session.page.evaluate(async () => {
      const stored = JSON.parse(sessionStorage.getItem('jalin.session') ?? '{}') as { token?: string };
      const response = await fetch('/api/agreements?kind=SISTER_CITY&partner=tokyo', { headers: { authorization: `Bearer ${stored.token}` } });
      return response.ok ? ((await response.json()) as { items: { id: string }[] }).items[0]?.id ?? 'x' : 'x';
    });
  });
  afterAll(() => session?.context.close());

  it.each(pages)('$name: the page when the group may use it, else the 403 page', async (entry) => {
    const { page } = session;
    await page.goto(entry.path(agreementId));
    await settled(page);
    const allowed = entry.groups.includes(group);
    const expected = allowed ? entry.page : group === 'employee' && entry.page === 'inbox' ? 'employee-home' : 'forbidden';
    await expect.poll(() => page.locator('[data-page]').first().getAttribute('data-page'), { timeout: POLL_TIMEOUT }).toBe(expected);
    // Each page names itself in its one h1 (and the document title).
    await expect(page.locator('h1').count()).resolves.toBe(1);
    // axe once per distinct page (it is the slow part): every page as agreements-admin, who sees
    // the most, the 403 page as training-admin and the employee's start page.
    if (group === 'agreements-admin' || (group === 'training-admin' && entry.name === 'kerja-sama-baru') || (group === 'employee' && entry.name === 'perlu-perhatian')) {
      await expectAccessible(page, `${group} ${entry.name}`);
    }
    await screenshot(page, `${group}-${entry.name}`);
    // Only the pages the group may use are in its navigation.
    const navigation = await page.getByRole('navigation').getByRole('link').count();
    expect(navigation).toBe(group === 'employee' ? 0 : 5);
  });
});
