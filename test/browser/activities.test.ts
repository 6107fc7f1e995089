import { describe, expect, it } from 'vitest';
import { expectAccessible, POLL_TIMEOUT, screenshot, settled, useConsole } from './harness.ts';

const consoleUi = useConsole();

const apiCall = consoleUi.api;

const dormantIds = async (): Promise<string[]> => (await apiCall('agreements-admin', 'GET', '/agreements/dormant?days=180&limit=100')).body.items.map((item: { id: string }) => item.id);

describe('activities and evaluations on the detail page', () => {
  it('agreements-admin records an evaluation by keyboard only from the #kegiatan link; a bad input is named at its field; the dormant item goes away', async () => {
    const [agreementId, other] = await dormantIds();
    expect(other).toBeDefined();
    const { context, page } = await consoleUi.signedIn('agreements-admin');
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/activities')) keys.push(request.headers()['idempotency-key'] ?? '');
    });
    // Where the inbox's dormant items and the emails lead: the section scrolled to, its heading focused.
    await page.goto(`/kerja-sama/${agreementId}#kegiatan`);
    await settled(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: POLL_TIMEOUT }).toBe('kegiatan-title');
    const section = page.locator('#kegiatan');
    await expect(section.getByTestId('evaluation').textContent()).resolves.toContain('Belum dievaluasi.');
    await expect(section.getByText('Belum ada kegiatan yang dicatat.').count()).resolves.toBe(1);

    // From the heading: Tab to "Catat kegiatan", Tab to "Isi evaluasi", Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const evaluate = page.getByRole('button', { name: 'Isi evaluasi' });
    await expect.poll(() => evaluate.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Catat kegiatan atau evaluasi' });
    await dialog.waitFor();
    // Tab (as a person would, past the date's day, month and year) until the field named `name` has the focus, never leaving the dialog.
    const tabTo = async (name: string) => {
      for (let step = 0; step < 20; step += 1) {
        const focused = await page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent);
        if (focused === name) return;
        await page.keyboard.press('Tab');
        expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
      }
      throw new Error(`no ${name} in the dialog`);
    };
    await expect(dialog.getByLabel('Jenis kegiatan').inputValue()).resolves.toBe('EVALUATION');
    // Sent empty: every missing field named next to it, in the console's language, nothing sent.
    await tabTo('Simpan');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByText('wajib dipilih untuk evaluasi').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expect(dialog.getByText('wajib diisi untuk evaluasi: jelaskan alasannya').count()).resolves.toBe(1);
    await expect(dialog.getByLabel('Uraian').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(dialog.getByText('tidak boleh kosong').count()).resolves.toBe(1);
    // A day still to come is refused by the API's rule, said before anything is sent.
    await dialog.getByLabel('Tanggal pelaksanaan').fill('2026-12-21');
    await expect.poll(() => dialog.getByText(/tidak boleh setelah hari ini/).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await dialog.getByLabel('Tanggal pelaksanaan').fill('2026-12-20');
    await expect.poll(() => dialog.getByText(/tidak boleh setelah hari ini/).count(), { timeout: POLL_TIMEOUT }).toBe(0);
    expect(keys).toEqual([]);
    await expectAccessible(page, 'evaluation dialog with errors');
    await screenshot(page, 'activities-evaluation-errors');

    // Filled by keyboard, the date left on today.
    await tabTo('description');
    await page.keyboard.type('Rapat evaluasi bersama mitra');
    await tabTo('participants');
    await page.keyboard.type('Dinas Pariwisata');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Kota Busan');
    await tabTo('decision');
    // A closed select picks the option its typed letters begin (type-ahead).
    await page.keyboard.type('Biarkan');
    await expect(dialog.getByRole('combobox', { name: 'Keputusan' }).inputValue()).resolves.toBe('LET_LAPSE');
    await tabTo('reason');
    await page.keyboard.type('Program tidak lagi diminati kedua pihak');
    await tabTo('Simpan');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => evaluate.evaluate((element) => element === document.activeElement), { timeout: POLL_TIMEOUT }).toBe(true);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);

    const list = section.getByTestId('activity-list');
    await expect.poll(() => list.locator('li').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expect(list.textContent()).resolves.toMatch(/20 Desember 2026 · Evaluasi · Keputusan: Biarkan berakhir.*Rapat evaluasi bersama mitra.*Alasan keputusan: Program tidak lagi diminati kedua pihak.*Peserta: Dinas Pariwisata; Kota Busan.*Dicatat oleh local-agreements-admin/);
    await expect.poll(() => section.getByTestId('evaluation').textContent(), { timeout: POLL_TIMEOUT }).toContain('Biarkan berakhir, dievaluasi 20 Desember 2026 oleh local-agreements-admin');
    expect(await dormantIds()).not.toContain(agreementId);
    await expectAccessible(page, 'detail page with an evaluation');
    await screenshot(page, 'activities-evaluated');

    // Deleted by mistake: the confirm dialog says it was the evaluation shown; the agreement is unevaluated again.
    await list.getByRole('button', { name: 'Hapus Evaluasi 20 Desember 2026' }).click();
    const confirm = page.getByRole('dialog', { name: 'Hapus kegiatan ini?' });
    await expect.poll(() => confirm.getByText(/Ini evaluasi terakhir kerja sama ini/).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await confirm.getByRole('button', { name: 'Hapus' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => section.getByText('Belum ada kegiatan yang dicatat.').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expect.poll(() => section.getByTestId('evaluation').textContent(), { timeout: POLL_TIMEOUT }).toContain('Belum dievaluasi.');
    await context.close();
  });

  it('an auditor reads the activities and the evaluation, with no button to write', async () => {
    const [, agreementId] = await dormantIds();
    const recorded = await apiCall('agreements-admin', 'POST', `/agreements/${agreementId}/activities`, { kind: 'EVALUATION', on: '2026-12-01', description: 'Evaluasi tahunan', decision: 'RENEW', reason: 'Diminati' }, { 'idempotency-key': 'browser-activity-auditor' });
    expect(recorded.status).toBe(201);
    expect((await apiCall('agreements-admin', 'POST', `/agreements/${agreementId}/activities`, { kind: 'VISIT', on: '2026-12-10', description: 'Kunjungan delegasi' })).status).toBe(201);
    const { context, page } = await consoleUi.signedIn('auditor');
    await page.goto(`/kerja-sama/${agreementId}#kegiatan`);
    await settled(page);
    const section = page.locator('#kegiatan');
    await expect.poll(() => section.getByTestId('activity-list').locator('li').count(), { timeout: POLL_TIMEOUT }).toBe(2);
    // Newest first, kinds and decisions in words.
    await expect(section.getByTestId('activity-list').locator('li').first().textContent()).resolves.toContain('10 Desember 2026 · Kunjungan');
    await expect(section.getByTestId('evaluation').textContent()).resolves.toContain('Perpanjang, dievaluasi 1 Desember 2026');
    for (const name of ['Catat kegiatan', 'Isi evaluasi', /^Hapus/]) await expect(section.getByRole('button', { name }).count()).resolves.toBe(0);
    await expectAccessible(page, 'detail page as auditor');
    await screenshot(page, 'activities-auditor');
    await context.close();
  });
});
