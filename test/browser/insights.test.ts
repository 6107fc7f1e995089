import { describe, expect, it } from 'vitest';
import { demoAgreements } from '../../infra/local/demo-data.ts';
import { mintToken } from '../../infra/local/tokens.ts';
import { deliver } from '../../shared/alerts/deliver.ts';
import type { AlertCandidate } from '../../shared/alerts/ledger.ts';
import { PermanentSendError, type Mailer } from '../../shared/email/message.ts';
import { assertAllowedRecipients } from '../../shared/email/recipients.ts';
import { EMPLOYEE_NIP, expectAccessible, FIXED_NOW, POLL_TIMEOUT, screenshot, settled, useConsole } from './harness.ts';

/** Statistik, Notifikasi and Perlu perhatian against the real API and the demo registry. */
const consoleUi = useConsole();

async function apiGet(path: string) {
  const token = await mintToken({ groups: ['agreements-admin'] });
  const response = await fetch(`${consoleUi.url()}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as any;
}

/** Every page of a list. */
async function apiAll(path: string) {
  const items: any[] = [];
  let cursor: string | undefined;
  do {
    const page = await apiGet(`${path}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const titleOf = (key: string) => demoAgreements.find((agreement) => agreement.key === key)!.title;
const indonesian = (value: number) => new Intl.NumberFormat('id-ID').format(value);

describe('statistics', () => {
  it('shows the year in figures by kind, partner category, country and domestic/foreign, labelled in Indonesian, as charts and as tables', async () => {
    const figures = await apiGet('/agreements/statistics?year=2026');
    const { context, page } = await consoleUi.signedIn('auditor');
    await page.goto('/statistik');
    await settled(page);
    const active = page.locator('[data-group="active"]');
    await expect(page.getByRole('heading', { name: 'Kerja sama berlaku pada 20 Desember 2026' }).count()).resolves.toBe(1);
    await expect(page.locator('[data-total="active"]').textContent()).resolves.toBe(`Berlaku pada 20 Desember 2026${indonesian(figures.active.total)}`);
    await expect(page.locator('[data-total="sister-cities"]').textContent()).resolves.toBe(`Kota/provinsi kembar berlaku pada 20 Desember 2026${indonesian(figures.sisterCitiesActive)}`);
    // The chart writes each number next to its bar.
    const chartRow = (breakdown: string, row: string) => active.locator(`[data-breakdown="${breakdown}"] [data-row="${row}"]`).textContent();
    await expect(chartRow('kind', 'MOU')).resolves.toBe(`Nota Kesepakatan (MoU)${indonesian(figures.active.byKind.MOU)}`);
    await expect(chartRow('domestic-foreign', 'foreign')).resolves.toBe(`Luar negeri${indonesian(figures.active.foreign)}`);
    await screenshot(page, 'insights-statistics-chart');

    await page.getByText('Tampilkan tabel').click();
    const cellsOf = async (breakdown: string) =>
      Object.fromEntries(
        (await active.locator(`[data-breakdown="${breakdown}"] tbody tr`).evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? '')))) as [string, string][],
      );
    await expect.poll(() => page.getByRole('table').count(), { timeout: POLL_TIMEOUT }).toBe(10);
    const kinds = await cellsOf('kind');
    expect(kinds['Nota Kesepakatan (MoU)']).toBe(indonesian(figures.active.byKind.MOU));
    expect(kinds['Kota/Provinsi Kembar']).toBe(indonesian(figures.active.byKind.SISTER_CITY));
    const categories = await cellsOf('category');
    expect(categories['Pemerintah asing']).toBe(indonesian(figures.active.byPartnerCategory.FOREIGN_GOVERNMENT));
    const countries = await cellsOf('country');
    expect(countries['Indonesia']).toBe(indonesian(figures.active.byCountry.ID));
    expect(countries['Thailand']).toBe(indonesian(figures.active.byCountry.TH));
    expect(await cellsOf('domestic-foreign')).toEqual({ 'Dalam negeri': indonesian(figures.active.domestic), 'Luar negeri': indonesian(figures.active.foreign) });
    // No API key or enum code is left for a person to read.
    const text = (await page.locator('main').textContent()) ?? '';
    for (const raw of ['sisterCitiesActive', 'byKind', 'domestic', 'total', 'MOU', 'SISTER_CITY', 'FOREIGN_GOVERNMENT', 'undefined', 'NaN']) expect(text).not.toContain(raw);
    await expectAccessible(page, 'statistics table');
    await screenshot(page, 'insights-statistics-table');
    await context.close();
  });
});

describe('notifications', () => {
  it('each kind of failed alert says what it is about, when, why, and links to where it is fixed', async () => {
    const agreements = await apiAll('/agreements?status=ACTIVE');
    const kalbar = (agreements as { id: string; title: string; ownerUnit: string }[]).find((agreement) => agreement.title === titleOf('kalbar-mou'))!;
    const message = (to: string) => ({ to: [to], subject: 'Pengingat', text: 'Pengingat', html: '<p>Pengingat</p>' });
    // Sends refused for good, as the jobs meet them: a contact outside the stage's domains
    // (the recipient rule itself) and an address that SES keeps on its suppression list.
    const outsideDomains: Mailer = { send: async (email) => assertAllowedRecipients(email.to, ['jakarta.go.id']) };
    const suppressed: Mailer = {
      send: async () => {
        throw new PermanentSendError('MessageRejected: Email address is on the suppression list for your account');
      },
    };
    // Built as the jobs build them (shared/alerts/jobs): ids, subjects and periods.
    const candidates: [AlertCandidate, Mailer][] = [
      [{ id: `EXPIRY#${kalbar.id}#2029-10-02@180`, kind: 'EXPIRY', subject: kalbar.id, period: '2029-10-02@180', message: message('kerjasama@kalbarprov.example') }, outsideDomains],
      [{ id: `DORMANT#${kalbar.ownerUnit.toLowerCase()}#2026-W51`, kind: 'DORMANT', subject: kalbar.ownerUnit, period: '2026-W51', message: message('biro@kalbarprov.example') }, outsideDomains],
      [{ id: `TRAINING#${EMPLOYEE_NIP}#2026-12`, kind: 'TRAINING', subject: EMPLOYEE_NIP, period: '2026-12', message: message('pegawai@gmail.example') }, suppressed],
      [{ id: 'TRAINING_SUMMARY#2026-12', kind: 'TRAINING_SUMMARY', subject: 'all-units', period: '2026-12', message: message('bpsdm@gmail.example') }, suppressed],
    ];
    for (const [candidate, mailer] of candidates) await expect(deliver(candidate, mailer, FIXED_NOW)).resolves.toBe('failed');

    // The auditor reads every kind: what, when, why, and a fix they may open.
    const auditor = await consoleUi.signedIn('auditor');
    await auditor.page.goto('/notifikasi?status=FAILED');
    await settled(auditor.page);
    const rowOf = (kind: string) => auditor.page.getByRole('row').filter({ has: auditor.page.getByRole('cell', { name: kind, exact: true }) });
    await expect.poll(() => auditor.page.getByRole('row').count(), { timeout: POLL_TIMEOUT }).toBe(5);
    const expiry = rowOf('Jatuh tempo');
    await expect.poll(() => expiry.getByText(kalbar.title).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expect(expiry.getByText('berakhir 2 Oktober 2029, pengingat 180 hari').count()).resolves.toBe(1);
    await expect(expiry.getByText('Alamat penerima di luar domain yang diizinkan: perbaiki email kontak.').count()).resolves.toBe(1);
    expect(await expiry.getByRole('link', { name: 'Buka kerja sama' }).getAttribute('href')).toBe(`/kerja-sama/${kalbar.id}`);
    const dormant = rowOf('Dorman');
    await expect(dormant.getByText(`Kerja sama tanpa kegiatan di ${kalbar.ownerUnit}`).count()).resolves.toBe(1);
    await expect(dormant.getByText('pekan mulai 14 Desember 2026').count()).resolves.toBe(1);
    const training = rowOf('Pelatihan');
    await expect(training.getByText(`Pengingat jam pelajaran pegawai NIP ${EMPLOYEE_NIP}`).count()).resolves.toBe(1);
    await expect(training.getByText('bulan Desember 2026').count()).resolves.toBe(1);
    await expect(training.getByText('Email ditolak server penerima: perbaiki alamat kontak.').count()).resolves.toBe(1);
    // The employee's page, by an address that does not show the NIP.
    expect(await training.getByRole('link', { name: 'Buka data pegawai' }).getAttribute('href')).toMatch(/^\/pegawai\/[0-9a-f]{12}$/);
    const summary = rowOf('Ringkasan pelatihan');
    expect(await summary.getByRole('link', { name: 'Buka kepatuhan pelatihan' }).getAttribute('href')).toBe('/pelatihan');
    await expectAccessible(auditor.page, 'failed notifications');
    await screenshot(auditor.page, 'insights-failed-alerts');
    // The agreement's page opens for an auditor (its edit form would be a 403).
    await expiry.getByRole('link', { name: 'Buka kerja sama' }).click();
    await auditor.page.waitForURL(new RegExp(`/kerja-sama/${kalbar.id}$`));
    await settled(auditor.page);
    await expect.poll(() => auditor.page.locator('h1').textContent(), { timeout: POLL_TIMEOUT }).toContain(kalbar.title);
    await auditor.context.close();

    // The bureau sees its own kinds (the API decides), the most urgent box first, and reaches a dormant digest's unit in two clicks.
    const { context, page } = await consoleUi.signedIn('agreements-admin');
    await settled(page);
    const failed = page.locator('[data-section="failed-alerts"]');
    await expect.poll(() => failed.getByRole('listitem').count(), { timeout: POLL_TIMEOUT }).toBe(2);
    await expect(failed.getByText('berakhir 2 Oktober 2029, pengingat 180 hari', { exact: false }).count()).resolves.toBe(1);
    await failed.getByRole('link').first().click();
    await page.waitForURL(/\/notifikasi\?status=FAILED$/);
    await settled(page);
    await page.getByRole('row').filter({ hasText: 'pekan mulai 14 Desember 2026' }).getByRole('link', { name: 'Kerja sama unit ini' }).click();
    await page.waitForURL((url) => url.pathname === '/kerja-sama' && url.searchParams.get('ownerUnit') === kalbar.ownerUnit && url.searchParams.get('status') === 'ACTIVE');
    await settled(page);
    await expect(page.getByLabel('Unit pemilik').inputValue()).resolves.toBe(kalbar.ownerUnit);
    await expect.poll(() => page.getByRole('row').count(), { timeout: POLL_TIMEOUT }).toBeGreaterThan(1);
    await context.close();
  });
});

describe('inbox', () => {
  it('windows counted in Jakarta days across the year end', async () => {
    const { context, page } = await consoleUi.signedIn('agreements-admin');
    await settled(page);
    await expect(page.getByText('Hal yang perlu ditindaklanjuti hari ini, 20 Desember 2026.').count()).resolves.toBe(1);
    // Ends 31 December 2026: 11 days; the Bangkok sister city ends 20 January 2027: 31 days.
    await expect(page.locator('[data-section="ending-30"]').getByText('Kesepakatan Bersama Penguatan Kapasitas Aparatur dan Pariwisata').count()).resolves.toBe(1);
    await expect(page.locator('[data-section="ending-30"]').getByText('11 hari lagi').count()).resolves.toBe(1);
    await expect(page.locator('[data-section="ending-90"]').getByText('Sister City Agreement Jakarta–Bangkok').count()).resolves.toBe(1);
    await expect(page.locator('[data-section="ending-90"]').getByText('31 hari lagi').count()).resolves.toBe(1);
    // English switch: the same page, English words and dates.
    await page.getByLabel('Bahasa').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_TIMEOUT }).toBe('Needs attention');
    await expect(page.getByText('What to act on today, 20 December 2026.').count()).resolves.toBe(1);
    await page.getByLabel('Language').selectOption('id');
    await context.close();
  });

  it('stays a page: most urgent first, a few items per box with the total and a way to all of them', async () => {
    const [active, expired] = await Promise.all([apiAll('/agreements?status=ACTIVE'), apiAll('/agreements?status=EXPIRED')]);
    const unsignedCount = (active as { signedDocuments?: number }[]).filter((agreement) => !agreement.signedDocuments).length;
    // Ended without renewal: the last year only, unless an evaluation let the agreement lapse.
    const expiredCount = (expired as { endsOn: string; evaluation?: { decision: string } }[]).filter(
      (agreement) => agreement.endsOn >= '2025-12-20' && agreement.evaluation?.decision !== 'LET_LAPSE',
    ).length;
    expect(expiredCount).toBeLessThan(expired.length);

    const { context, page } = await consoleUi.signedIn('agreements-admin');
    await settled(page);
    const sections = await page.locator('[data-section]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-section')));
    expect(sections).toEqual(['failed-alerts', 'ending-7', 'ending-30', 'ending-90', 'ending-180', 'expired', 'pending', 'unsigned', 'dormant']);
    for (const section of sections) expect(await page.locator(`[data-section="${section}"]`).getByRole('listitem').count(), section!).toBeLessThanOrEqual(5);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3000);
    const badge = (section: string) => page.locator(`[data-section="${section}"] .mantine-Badge-root`).textContent();
    await expect(badge('unsigned')).resolves.toBe(indonesian(unsignedCount));
    await expect(badge('expired')).resolves.toBe(indonesian(expiredCount));
    await expectAccessible(page, 'inbox');
    await screenshot(page, 'insights-inbox');

    // The nearest window's "see all" is the list filtered to exactly its end dates.
    const window180 = page.locator('[data-section="ending-180"]');
    const count180 = Number(await badge('ending-180'));
    if (count180 > 5) expect(await window180.getByRole('link', { name: `Lihat semua (${count180})` }).getAttribute('href')).toBe('/kerja-sama?status=ACTIVE&endsFrom=2027-03-21&endsTo=2027-06-18');

    // Agreements in force without a signed document: all of them one click away, each linking to its documents.
    await page.locator('[data-section="unsigned"]').getByRole('link', { name: `Lihat semua (${indonesian(unsignedCount)})` }).click();
    await page.waitForURL(/\/\?bagian=unsigned$/);
    const unsigned = page.locator('[data-section="unsigned"]');
    await expect.poll(() => unsigned.getByRole('listitem').count(), { timeout: POLL_TIMEOUT }).toBe(unsignedCount);
    await expect(page.locator('[data-section]').count()).resolves.toBe(1);
    // The demo's Kalimantan Barat MoU has no signed copy; Lemhannas's was uploaded and checked (infra/local/seed-demo-documents.ts).
    await expect(unsigned.getByText(titleOf('lemhannas-mou')).count()).resolves.toBe(0);
    const fix = unsigned.getByRole('listitem').filter({ hasText: titleOf('kalbar-mou') }).getByRole('link', { name: '(Unggah naskah bertanda tangan)' });
    expect(await fix.getAttribute('href')).toMatch(/^\/kerja-sama\/[^/]+#section-documents$/);
    await fix.click();
    await page.waitForURL(/#section-documents$/);
    await settled(page);
    await expect.poll(() => page.locator('#section-documents').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await context.close();
  });
});
