import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { demoAgreements } from '../../infra/local/demo-data.ts';
import { mintToken } from '../../infra/local/tokens.ts';
import { expectAccessible, POLL_TIMEOUT, screenshot, settled, useConsole } from './harness.ts';

const consoleUi = useConsole();

const apiCall = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => consoleUi.api('agreements-admin', method, path, body, headers);

const draft = {
  title: 'Kerja Sama Uji Peramban',
  kind: 'MOU',
  partners: [{ name: 'Pemerintah Kota Uji', category: 'CITY', country: 'ID' }],
  fields: ['pendidikan'],
  startsOn: '2025-01-01',
  endsOn: '2026-12-27',
  ownerUnit: 'Biro Kerja Sama Daerah',
  contactEmails: ['kerjasama@jakarta.go.id'],
};

describe('serving', () => {
  it('serves the API under /api and at its root, and never turns an API 404 into the console', async () => {
    const token = await mintToken({ groups: ['auditor'] });
    for (const path of ['/api/agreements/expiring', '/agreements/expiring']) {
      const response = await fetch(`${consoleUi.url()}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
    }
    for (const path of ['/api/no-such-route', '/no-such-route', '/api/kerja-sama']) {
      const response = await fetch(`${consoleUi.url()}${path}`);
      expect(response.headers.get('content-type'), path).toContain('application/problem+json');
    }
    const page = await fetch(`${consoleUi.url()}/kerja-sama/abc/ubah`);
    expect(page.headers.get('content-type')).toContain('text/html');
  });
});

describe('agreements-admin at work', () => {
  it('list: filters live in the URL; a shared address shows the same view', async () => {
    // The demo's sister cities, the bureau's year included (fewer than a page).
    const sisterCities = demoAgreements.filter((agreement) => agreement.kind === 'SISTER_CITY').length;
    const { context, page } = await consoleUi.signedIn('agreements-admin');
    await page.goto('/kerja-sama');
    await settled(page);
    await page.getByLabel('Jenis').selectOption('SISTER_CITY');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/kind=SISTER_CITY/);
    await expect.poll(() => page.getByTestId('agreement-table').locator('tbody tr').count(), { timeout: POLL_TIMEOUT }).toBe(sisterCities);
    await page.reload();
    await settled(page);
    await expect.poll(() => page.getByTestId('agreement-table').locator('tbody tr').count(), { timeout: POLL_TIMEOUT }).toBe(sisterCities);
    await expect(page.getByLabel('Jenis').inputValue()).resolves.toBe('SISTER_CITY');
    // The export holds the filtered list: a header and one line per sister city.
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor CSV' }).click();
    const csv = await readFile((await (await exported).path())!, 'utf8');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(sisterCities + 1);
    expect(csv).toContain('Sister City Agreement Jakarta–Tokyo');
    // Keyboard: Enter in a field applies the filters; the reset empties the fields and the address;
    // going back writes the earlier filters into the fields.
    await page.getByLabel('Mitra').fill('tokyo');
    await page.getByLabel('Mitra').press('Enter');
    await page.waitForURL(/partner=tokyo/);
    await page.getByRole('button', { name: 'Hapus saringan' }).click();
    await page.waitForURL((url) => url.search === '');
    await expect(page.getByLabel('Jenis').inputValue()).resolves.toBe('');
    await page.goBack();
    await page.waitForURL(/partner=tokyo/);
    await expect.poll(() => page.getByLabel('Mitra').inputValue(), { timeout: POLL_TIMEOUT }).toBe('tokyo');
    await context.close();
  });

  it('create: live validation from the API schemas, errors next to their field, Idempotency-Key sent', async () => {
    const { context, page } = await consoleUi.signedIn('agreements-admin');
    await page.goto('/kerja-sama/baru');
    await settled(page);
    await page.getByRole('button', { name: 'Simpan' }).click();
    // The title's error is attached to the title input (aria-describedby), not only in a banner.
    const title = page.getByRole('textbox', { name: 'Judul' });
    await expect.poll(() => title.getAttribute('aria-invalid'), { timeout: POLL_TIMEOUT }).toBe('true');
    await page.getByRole('textbox', { name: 'Unit pemilik' }).fill('Biro Kerja Sama Daerah');
    await title.fill(draft.title);
    await page.getByRole('textbox', { name: 'Nama mitra 1' }).fill('Pemerintah Kota Uji');
    await page.locator('input[name="startsOn"]').fill('2025-01-01');
    await page.locator('input[name="endsOn"]').fill('2024-12-31');
    await page.getByRole('textbox', { name: 'Kontak' }).fill('bukan-email');
    await expect.poll(() => page.getByRole('textbox', { name: 'Kontak' }).getAttribute('aria-invalid'), { timeout: POLL_TIMEOUT }).toBe('true');
    await expectAccessible(page, 'form with errors');
    await screenshot(page, 'flow-create-errors');
    await page.getByRole('textbox', { name: 'Kontak' }).fill('kerjasama@jakarta.go.id');
    await page.locator('input[name="endsOn"]').fill('2026-12-27');
    const posted = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/agreements'));
    await page.getByRole('button', { name: 'Simpan' }).click();
    expect((await posted).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await page.waitForURL(/\/kerja-sama\/[^/]+$/);
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_TIMEOUT }).toBe(draft.title);
    await expect(page.getByText('7 hari lagi').count()).resolves.toBe(1);
    await context.close();
  });

  it('find: the list opens an agreement found by words of its title; the form picks a parent by its number, not its id', async () => {
    const { context, page } = await consoleUi.signedIn('agreements-admin');
    // Only what a person typed is searched for: the label Select writes into the box once an option is picked is not.
    const searches = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/agreements/search') searches.add(url.searchParams.get('q')!);
    });
    await page.goto('/kerja-sama');
    await settled(page);
    const find = page.getByRole('combobox', { name: 'Cari kerja sama' });
    await find.fill('sister tokyo');
    await page.getByRole('option', { name: 'Sister City Agreement Jakarta–Tokyo' }).waitFor();
    await expectAccessible(page, 'agreement search open');
    await screenshot(page, 'flow-find');
    await find.press('ArrowDown');
    await find.press('Enter');
    await page.waitForURL(/\/kerja-sama\/[^/]+$/);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_TIMEOUT }).toBe('Sister City Agreement Jakarta–Tokyo');
    const tokyoAddress = page.url();

    await page.goto('/kerja-sama/baru');
    await settled(page);
    await page.getByRole('textbox', { name: 'Judul' }).fill('PKS Uji Induk dari Pencarian');
    await page.locator('select[name="kind"]').selectOption('PKS');
    await page.getByRole('textbox', { name: 'Nama mitra 1' }).fill('Dinas Pangan Provinsi Kalimantan Barat');
    await page.locator('input[name="startsOn"]').fill('2025-01-01');
    await page.locator('input[name="endsOn"]').fill('2026-12-27');
    await page.getByRole('textbox', { name: 'Unit pemilik' }).fill('Biro Kerja Sama Daerah');
    await page.getByRole('textbox', { name: 'Kontak' }).fill('kerjasama@jakarta.go.id');
    const parent = page.getByRole('combobox', { name: 'Kerja sama induk (untuk PKS/adendum)' });
    // Only what may be the parent of a PKS is offered: the Tokyo sister city, not the LoI with a Tokyo university.
    await parent.fill('tokyo');
    await page.getByRole('option', { name: 'Sister City Agreement Jakarta–Tokyo' }).waitFor();
    await expect(page.getByRole('option', { name: /Tokyo Metropolitan University/ }).count()).resolves.toBe(0);
    await expect.poll(() => page.getByText('1 kerja sama cocok', { exact: true }).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    // The address of a page, pasted in, offers that agreement (no search for the words of a link).
    await parent.fill(tokyoAddress);
    await page.getByRole('option', { name: 'Sister City Agreement Jakarta–Tokyo' }).waitFor();
    await parent.fill('NK/014');
    await page.getByRole('option', { name: /^Kesepakatan Bersama Ketahanan Pangan dan Pengembangan Kapasitas SDM · NK\/014\/BKSD\/2024$/ }).click();
    const posted = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/agreements'));
    await page.getByRole('button', { name: 'Simpan' }).click();
    expect((await posted).postDataJSON().parentId).toMatch(/^[0-9A-Za-z_-]+$/);
    await page.waitForURL(/\/kerja-sama\/[^/]+$/);
    await settled(page);
    await expect.poll(() => page.getByRole('link', { name: 'Kesepakatan Bersama Ketahanan Pangan dan Pengembangan Kapasitas SDM' }).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    // Editing it shows the parent by its title and number.
    await page.getByRole('link', { name: 'Ubah' }).click();
    await settled(page);
    await expect.poll(() => parent.inputValue(), { timeout: POLL_TIMEOUT }).toBe('Kesepakatan Bersama Ketahanan Pangan dan Pengembangan Kapasitas SDM · NK/014/BKSD/2024');
    expect([...searches].sort()).toEqual(['NK/014', 'sister tokyo', 'tokyo']);
    await context.close();
  });

  it('edit: a 412 shows what someone else changed, then reapplies my change', async () => {
    const created = await apiCall('POST', '/agreements', { ...draft, title: 'Kerja Sama Uji 412' }, { 'idempotency-key': 'browser-412' });
    const id = created.body.id as string;
    const { context, page } = await consoleUi.signedIn('agreements-admin');
    await page.goto(`/kerja-sama/${id}/ubah`);
    await settled(page);
    await page.getByLabel('Catatan').fill('Catatan dari peramban');
    // Meanwhile someone else renames it.
    const changed = await apiCall('PATCH', `/agreements/${id}`, { title: 'Judul dari orang lain' }, { 'if-match': created.etag! });
    expect(changed.status).toBe(200);
    await page.getByRole('button', { name: 'Simpan' }).click();
    const notice = page.getByTestId('stale-notice');
    await notice.waitFor();
    await expect(notice.getByText('Judul: Kerja Sama Uji 412 → Judul dari orang lain').count()).resolves.toBe(1);
    await expectAccessible(page, '412 notice');
    await screenshot(page, 'flow-edit-412');
    await notice.getByRole('button', { name: 'Terapkan lagi perubahan saya' }).click();
    await page.waitForURL(new RegExp(`/kerja-sama/${id}$`));
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_TIMEOUT }).toBe('Judul dari orang lain');
    await expect(page.getByText('Catatan dari peramban').count()).resolves.toBeGreaterThan(0);
    // History: "Field label: before → after", as the form names it.
    const history = page.locator('section[aria-labelledby="section-history"]');
    await expect.poll(() => history.getByText(/Judul: .*→ Judul dari orang lain/).count(), { timeout: POLL_TIMEOUT }).toBeGreaterThan(0);
    await context.close();
  });

  it('renew and terminate dialogs: keyboard only, focus trapped and returned', async () => {
    const created = await apiCall('POST', '/agreements', { ...draft, title: 'Kerja Sama Uji Dialog' }, { 'idempotency-key': 'browser-dialog' });
    const { context, page } = await consoleUi.signedIn('agreements-admin');
    await page.goto(`/kerja-sama/${created.body.id}`);
    await settled(page);
    const renew = page.getByRole('button', { name: 'Perpanjang', exact: true });
    await renew.focus();
    // Focus is visible: an outline drawn on the focused control.
    expect(await renew.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    for (let step = 0; step < 8; step += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await expectAccessible(page, 'renew dialog');
    await screenshot(page, 'flow-renew-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => renew.evaluate((element) => element === document.activeElement), { timeout: POLL_TIMEOUT }).toBe(true);
    // Renew for real, by keyboard.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.locator('input[type="date"]').nth(1).fill('2031-12-27');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.endsWith(created.body.id));
    await settled(page);
    await expect.poll(() => page.locator('.timeline li[data-kind="term"]').count(), { timeout: POLL_TIMEOUT }).toBe(2);
    await screenshot(page, 'flow-renewed-detail');
    // Terminate the successor.
    await page.getByRole('button', { name: 'Akhiri', exact: true }).click();
    await page.getByRole('dialog').getByLabel('Alasan').fill('Mitra membubarkan program');
    await page.getByRole('dialog').getByRole('button', { name: 'Akhiri' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByText('Diakhiri').count(), { timeout: POLL_TIMEOUT }).toBeGreaterThan(0);
    await context.close();
  });

  it('calendar: the month of 20 December and an ICS file built in the browser', async () => {
    const { context, page } = await consoleUi.signedIn('agreements-admin');
    await page.goto('/kalender');
    await settled(page);
    await expect(page.getByText('Desember 2026').count()).resolves.toBe(1);
    await expect(page.getByRole('gridcell', { name: /31 Desember 2026, 1 berakhir/ }).count()).resolves.toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh ICS (Outlook/Google)' }).click();
    const ics = await readFile((await (await download).path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231');
    await page.getByRole('button', { name: /Bulan berikutnya/ }).click();
    await page.waitForURL(/bulan=2027-01/);
    await expect.poll(() => page.locator('#calendar-month').textContent(), { timeout: POLL_TIMEOUT }).toBe('Januari 2027');
    await context.close();
  });

  it('sign-out wipes the session (shared office PCs)', async () => {
    const { context, page } = await consoleUi.signedIn('auditor');
    expect(await page.evaluate(() => sessionStorage.length)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(/\/masuk/);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key !== 'jalin.language'))).toEqual([]);
    await page.goto('/kerja-sama');
    await page.waitForURL(/\/masuk/);
    await context.close();
  });
});
