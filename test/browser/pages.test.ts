import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groups, type Group } from '../../shared/http/auth.ts';
import { demoEmployees } from '../../infra/local/demo-data-training.ts';
import { expectAccessible, POLL_TIMEOUT, screenshot, settled, useConsole } from './harness.ts';

const consoleUi = useConsole();

/** Every page of the console, and which groups may see it (the others get the 403 page). */
const readers: Group[] = ['agreements-admin', 'training-admin', 'auditor'];
const trainingReaders: Group[] = ['training-admin', 'auditor'];
interface Ids {
  agreementId: string;
  programId: string;
}
const unit = encodeURIComponent(demoEmployees[0]!.unit);
const otherNip = demoEmployees[0]!.nip;
const pages: { name: string; path: (ids: Ids) => string; page: string; groups: Group[] }[] = [
  { name: 'perlu-perhatian', path: () => '/', page: 'inbox', groups: readers },
  { name: 'kerja-sama', path: () => '/kerja-sama', page: 'agreement-list', groups: readers },
  { name: 'kerja-sama-detail', path: (ids) => `/kerja-sama/${ids.agreementId}`, page: 'agreement-detail', groups: readers },
  { name: 'kerja-sama-baru', path: () => '/kerja-sama/baru', page: 'agreement-form', groups: ['agreements-admin'] },
  { name: 'kerja-sama-ubah', path: (ids) => `/kerja-sama/${ids.agreementId}/ubah`, page: 'agreement-form', groups: ['agreements-admin'] },
  { name: 'kalender', path: () => '/kalender', page: 'calendar', groups: readers },
  { name: 'statistik', path: () => '/statistik', page: 'statistics', groups: readers },
  { name: 'notifikasi', path: () => '/notifikasi', page: 'alerts', groups: readers },
  { name: 'pelatihan', path: () => '/pelatihan', page: 'compliance', groups: trainingReaders },
  { name: 'pelatihan-unit', path: () => `/pelatihan/unit/${unit}`, page: 'unit', groups: trainingReaders },
  { name: 'target-tahunan', path: () => '/target-tahunan', page: 'targets', groups: trainingReaders },
  { name: 'pegawai', path: () => '/pegawai', page: 'employee-search', groups: trainingReaders },
  // An employee opening another's page by its URL gets the 403 page.
  { name: 'pegawai-detail', path: () => `/pegawai/${otherNip}`, page: 'employee-profile', groups: trainingReaders },
  { name: 'program-pelatihan', path: () => '/program-pelatihan', page: 'program-list', groups: trainingReaders },
  { name: 'program-pelatihan-detail', path: (ids) => `/program-pelatihan/${ids.programId}`, page: 'program-detail', groups: trainingReaders },
  { name: 'impor-roster', path: () => '/impor-roster', page: 'roster-import', groups: ['training-admin'] },
  { name: 'jam-pelajaran-saya', path: () => '/jam-pelajaran-saya', page: 'my-hours', groups: ['employee'] },
];
/** How many entries each group's navigation has: only the pages it may use. */
const navigationSize: Record<Group, number> = { 'agreements-admin': 5, 'training-admin': 10, auditor: 9, employee: 1 };

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
  const ids: Ids = { agreementId: 'x', programId: 'x' };
  beforeAll(async () => {
    session = await consoleUi.signedIn(group);
    // What to open, read with the session's own token (a group that may not read it gets 'x',
    // and the 403 page either way): the Jakarta–Tokyo sister city and the first program of 2026.
    const firstId = (path: string) =>
      session.page.evaluate(async (url) => {
        const stored = JSON.parse(sessionStorage.getItem('jalin.session') ?? '{}') as { token?: string };
        const response = await fetch(url, { headers: { authorization: `Bearer ${stored.token}` } });
        return response.ok ? ((await response.json()) as { items: { id: string }[] }).items[0]?.id ?? 'x' : 'x';
      }, path);
    ids.agreementId = await firstId('/api/agreements?kind=SISTER_CITY&partner=tokyo');
    ids.programId = await firstId('/api/training-programs?year=2026');
  });
  afterAll(() => session?.context.close());

  it.each(pages)('$name: the page when the group may use it, else the 403 page', async (entry) => {
    const { page } = session;
    await page.goto(entry.path(ids));
    await settled(page);
    const allowed = entry.groups.includes(group);
    const expected = allowed ? entry.page : group === 'employee' && entry.page === 'inbox' ? 'my-hours' : 'forbidden';
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
    expect(navigation).toBe(navigationSize[group]);
  });
});
