import { describe, expect, it } from 'vitest';
import { demoEmployees, demoNip, demoTrainings } from '../../infra/local/demo-data-training.ts';
import { EMPLOYEE_NIP, expectAccessible, POLL_TIMEOUT, screenshot, settled, useConsole } from './harness.ts';

const consoleUi = useConsole();

const employeeAt = (index: number) => demoEmployees.find((employee) => employee.nip === demoNip(index))!;
/** The signed-in employee (demo pattern 1: one 8-hour e-learning course in 2026). */
const me = employeeAt(1);
const myHours = demoTrainings.filter((entry) => entry.nip === me.nip).reduce((sum, entry) => sum + entry.training.hours, 0);
/** Demo pattern 0: no training in 2026, in no program: an empty year to add to and delete from. */
const blank = employeeAt(5);

const apiCall = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => consoleUi.api('training-admin', method, path, body, headers);

describe('staff find and read an employee', () => {
  it('search: by the start of any word of a name (terms never in the URL), a mistyped NIP explained, a full NIP opens the profile', async () => {
    const { context, page } = await consoleUi.signedIn('auditor');
    await page.goto('/pegawai');
    await settled(page);
    const box = page.getByRole('textbox', { name: 'NIP atau nama' });
    // Case aside: "siti" finds both demo Sitis, and only them.
    const sitis = demoEmployees.filter((employee) => employee.name.startsWith('Siti '));
    const rows = page.getByTestId('employee-results').locator('tbody tr');
    // Any word of the name, not only the first: the last one finds the same person.
    await box.fill(me.name.split(' ').at(-1)!);
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect.poll(() => rows.getByRole('link', { name: me.name }).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await box.fill('siti');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect.poll(() => rows.count(), { timeout: POLL_TIMEOUT }).toBe(sitis.length);
    await expect(rows.getByRole('link', { name: me.name }).count()).resolves.toBe(1);
    expect(page.url()).not.toMatch(/siti/i);
    await expectAccessible(page, 'employee search with results');
    await screenshot(page, 'pegawai-cari');

    // A NIP with a typo is refused in the browser, by the API's own rules and words.
    await box.fill('198613262015051001');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await expect.poll(() => box.getAttribute('aria-invalid'), { timeout: POLL_TIMEOUT }).toBe('true');
    await expect(page.getByText(/digit 1–8 \(tanggal lahir/).count()).resolves.toBe(1);

    // A full NIP, typed in its groups, opens the profile directly.
    await box.fill(`${me.nip.slice(0, 8)} ${me.nip.slice(8, 14)} ${me.nip.slice(14, 15)} ${me.nip.slice(15)}`);
    await page.keyboard.press('Enter');
    // Its address carries no NIP (browser history outlives the session on a shared PC), and a reload keeps it.
    await page.waitForURL(/\/pegawai\/[0-9a-f]{12}$/);
    expect(page.url()).not.toContain(me.nip);
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_TIMEOUT }).toBe(me.name);

    // Back: the same results, kept in memory (not in the URL).
    await page.goBack();
    await expect.poll(() => rows.count(), { timeout: POLL_TIMEOUT }).toBe(sitis.length);
    // Forward, and a reload of the profile still knows whom its address names.
    await page.goForward();
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_TIMEOUT }).toBe(me.name);
    await context.close();
  });

  it('profile: facts, records, the summary against target and pace; an auditor gets no edit button; an unknown NIP says so', async () => {
    const { context, page } = await consoleUi.signedIn('auditor');
    await page.goto(`/pegawai/${me.nip}`);
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_TIMEOUT }).toBe(me.name);
    // The document title (kept in browser history) carries no name.
    expect(await page.title()).not.toContain(me.name);
    await expect(page.getByText(me.unit, { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByTestId('training-records').getByText('E-Learning Manajemen ASN').count()).resolves.toBe(1);
    await expect(page.getByTestId('records-total').textContent()).resolves.toBe(String(myHours));
    const summary = page.getByTestId('training-summary');
    await expect(summary.getByText(`${myHours} jam (10,67 JP)`).count()).resolves.toBe(1);
    await expect(summary.getByText('40 jam (53,33 JP)').count()).resolves.toBe(1);
    // 20 December: day 354 of 365, 40 × 354 ÷ 365 = 38,79 hours; 8 hours is under half of it.
    await expect(summary.getByText('38,79 jam (51,72 JP)').count()).resolves.toBe(1);
    await expect(summary.getByText('Jauh di bawah laju pro-rata (kurang dari separuh)').count()).resolves.toBe(1);
    const bar = page.getByRole('progressbar', { name: 'Capaian jam pelatihan terhadap target' });
    await expect(bar.getAttribute('aria-valuetext')).resolves.toBe(`${myHours} jam (10,67 JP) dari target 40 jam (53,33 JP) (20%)`);
    for (const name of ['Ubah data pegawai', 'Tambah pelatihan']) await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Hapus pelatihan/ }).count()).resolves.toBe(0);
    // The reminder setting is read, not switched, by an auditor.
    await expect(page.getByRole('switch').count()).resolves.toBe(0);
    await expect(page.getByText('Aktif: email pengingat jam pelatihan dikirim').count()).resolves.toBe(1);
    await expectAccessible(page, 'employee profile (auditor)');
    await screenshot(page, 'pegawai-profil-auditor');
    // The year's records as a workbook, fetched with the token and saved.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor pelatihan (Excel)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // Last year: nothing recorded, said in words.
    await page.getByLabel('Tahun', { exact: true }).selectOption('2025');
    await page.waitForURL(/tahun=2025/);
    await expect.poll(() => page.getByText('Belum ada pelatihan tercatat pada tahun 2025.').count(), { timeout: POLL_TIMEOUT }).toBe(1);

    // A well-formed NIP nobody registered.
    await page.goto('/pegawai/198609262015051001');
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_TIMEOUT }).toBe('Pegawai tidak ditemukan');
    await expect(page.locator('[data-page="employee-profile"]').getAttribute('data-state')).resolves.toBe('not-found');
    await expectAccessible(page, 'employee not found');

    // The address of an employee's page in an earlier session (history, a bookmark) opens nothing, and says why.
    await page.goto('/pegawai/0123456789ab');
    await settled(page);
    await expect.poll(() => page.getByText(/berasal dari sesi sebelumnya/).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await context.close();
  });
});

describe('training-admin at work', () => {
  it('adds a training by keyboard (focus trapped and returned, live checks in Indonesian), then deletes it; the total follows', async () => {
    const { context, page } = await consoleUi.signedIn('training-admin');
    await page.goto(`/pegawai/${blank.nip}`);
    await settled(page);
    const summary = page.getByTestId('training-summary');
    await expect.poll(() => summary.getByText('0 jam (0 JP)').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    // training-admin switches reminders for an employee who asked the unit by mail.
    await expect(page.getByRole('switch', { name: 'Email pengingat' }).isChecked()).resolves.toBe(true);

    // Keyboard only: the dialog holds the focus and gives it back to its opener.
    const add = page.getByRole('button', { name: 'Tambah pelatihan' });
    await add.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    for (let step = 0; step < 12; step += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => add.evaluate((element) => element === document.activeElement), { timeout: POLL_TIMEOUT }).toBe(true);

    // Open again (the focus starts on the title); sending it empty marks every required field.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    const title = dialog.getByRole('textbox', { name: 'Judul pelatihan' });
    await expect.poll(() => title.evaluate((element) => element === document.activeElement), { timeout: POLL_TIMEOUT }).toBe(true);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => title.getAttribute('aria-invalid'), { timeout: POLL_TIMEOUT }).toBe('true');
    // Live checks with the API's schema and words: quarter hours, end on or after start.
    const hours = dialog.getByRole('textbox', { name: 'Jumlah jam' });
    await hours.fill('0,3');
    await expect.poll(() => dialog.getByText('harus kelipatan positif dari 0,25 (15 menit)').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expectAccessible(page, 'add-training dialog with errors');
    await screenshot(page, 'pegawai-tambah-pelatihan');
    await hours.fill('7,5');
    await title.fill('Pelatihan Uji Peramban');
    await dialog.getByRole('textbox', { name: 'Penyelenggara' }).fill('BPSDM Provinsi DKI Jakarta');
    await dialog.locator('input[name="startsOn"]').fill('2026-12-02');
    await dialog.locator('input[name="endsOn"]').fill('2026-12-01');
    await expect.poll(() => dialog.locator('input[name="endsOn"]').getAttribute('aria-invalid'), { timeout: POLL_TIMEOUT }).toBe('true');
    await dialog.locator('input[name="startsOn"]').fill('2026-12-01');
    await dialog.locator('input[name="endsOn"]').fill('2026-12-02');
    await dialog.getByRole('textbox', { name: 'Nomor sertifikat' }).fill('SERT/UJI/2026/001');
    const posted = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith(`/api/employees/${blank.nip}/trainings`));
    await page.keyboard.press('Enter');
    expect((await posted).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('records-total').textContent(), { timeout: POLL_TIMEOUT }).toBe('7,5');
    await expect.poll(() => summary.getByText('7,5 jam (10 JP)').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expect(page.getByTestId('training-records').getByText('SERT/UJI/2026/001').count()).resolves.toBe(1);
    await expect(page.getByRole('status').getByText('Pelatihan "Pelatihan Uji Peramban" ditambahkan.').count()).resolves.toBe(1);

    // Delete, after saying yes.
    await page.getByRole('button', { name: 'Hapus pelatihan Pelatihan Uji Peramban' }).click();
    await dialog.waitFor();
    await expect(dialog.getByText(/akan dihapus dan jamnya dikurangkan dari total tahun 2026/).count()).resolves.toBe(1);
    await dialog.getByRole('button', { name: 'Hapus', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByText('Belum ada pelatihan tercatat pada tahun 2026.').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expect.poll(() => summary.getByText('0 jam (0 JP)').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await context.close();
  });

  it('edits a profile with If-Match: changes saved meanwhile (unit, reminders) are shown in words, then mine is saved over them', async () => {
    const { context, page } = await consoleUi.signedIn('training-admin');
    await page.goto(`/pegawai/${blank.nip}`);
    await settled(page);
    await page.getByRole('button', { name: 'Ubah data pegawai' }).click();
    await page.getByRole('textbox', { name: 'Jabatan' }).fill('Analis Data');
    // Meanwhile someone else moves the employee to another unit.
    const current = await apiCall('GET', `/employees/${blank.nip}`);
    const { nip: _nip, version: _version, createdAt: _created, updatedAt: _updated, ...fields } = current.body;
    const moved = await apiCall('PUT', `/employees/${blank.nip}`, { ...fields, unit: 'Dinas Pendidikan' }, { 'if-match': current.etag! });
    expect(moved.status).toBe(200);
    // ...and the reminders are turned off: a new version too, named in the switch's words.
    await expect(apiCall('PUT', `/employees/${blank.nip}/reminders`, { remind: false }).then((answer) => answer.status)).resolves.toBe(200);
    await page.getByRole('button', { name: 'Simpan' }).click();
    const notice = page.getByTestId('stale-notice');
    await notice.waitFor();
    await expect(notice.getByText(`Unit kerja: ${blank.unit} → Dinas Pendidikan`).count()).resolves.toBe(1);
    await expect(notice.getByText('Email pengingat: Aktif → Dimatikan').count()).resolves.toBe(1);
    await expect(notice.getByRole('listitem').count()).resolves.toBe(2);
    await expectAccessible(page, 'employee 412 notice');
    await notice.getByRole('button', { name: 'Terapkan lagi perubahan saya' }).click();
    await expect.poll(() => page.getByText('Data pegawai disimpan.').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    // Mine (the position) saved over theirs (the unit), which stays.
    await expect(page.getByText('Analis Data', { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByText('Dinas Pendidikan', { exact: true }).count()).resolves.toBe(1);
    await expect(apiCall('GET', `/employees/${blank.nip}`).then((answer) => answer.body.remindersOff)).resolves.toBe(true);
    await context.close();
  });
});

describe('an employee', () => {
  it('sees their own hours, target and pace with the numbers written, printable; nothing else', async () => {
    const { context, page } = await consoleUi.signedIn('employee');
    await page.waitForURL(/\/jam-pelajaran-saya$/);
    await settled(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Jam pelajaran saya');
    await expect.poll(() => page.getByTestId('my-identity').textContent(), { timeout: POLL_TIMEOUT }).toBe(`${me.name} · NIP ${me.nip} · ${me.unit}`);
    const bar = page.getByRole('progressbar', { name: 'Capaian jam pelatihan terhadap target' });
    await expect(bar.getAttribute('aria-valuenow')).resolves.toBe(String(myHours));
    await expect(page.getByText(`${myHours} jam (10,67 JP) dari target 40 jam (53,33 JP) (20%)`).count()).resolves.toBe(1);
    await expect(page.getByText('Laju pro-rata: 38,79 jam (51,72 JP)').count()).resolves.toBe(1);
    await expect(page.getByTestId('training-records').getByText('E-Learning Manajemen ASN').count()).resolves.toBe(1);
    await expect(page.getByRole('columnheader', { name: 'Nomor sertifikat' }).count()).resolves.toBe(1);
    await expect(page.getByRole('navigation').getByRole('link').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /Hapus/ }).count()).resolves.toBe(0);
    await expectAccessible(page, 'my hours');
    await screenshot(page, 'jam-pelajaran-saya');
    // Printed: the figures stay, the navigation and the controls go.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('button', { name: 'Cetak' }).isVisible()).resolves.toBe(false);
    await expect(page.getByText(`${myHours} jam (10,67 JP) dari target 40 jam (53,33 JP) (20%)`).isVisible()).resolves.toBe(true);
    await screenshot(page, 'jam-pelajaran-saya-cetak');
    await page.emulateMedia({ media: 'screen' });

    // Another employee's page by its URL: the 403 page (and the API says no as well).
    const other = employeeAt(2);
    await page.goto(`/pegawai/${other.nip}`);
    await settled(page);
    await expect.poll(() => page.locator('[data-page]').first().getAttribute('data-page'), { timeout: POLL_TIMEOUT }).toBe('forbidden');
    await expect(page.getByText(other.name).count()).resolves.toBe(0);
    const status = await page.evaluate(async (nip) => {
      const stored = JSON.parse(sessionStorage.getItem('jalin.session') ?? '{}') as { token?: string };
      return (await fetch(`/api/employees/${nip}/training-summary`, { headers: { authorization: `Bearer ${stored.token}` } })).status;
    }, other.nip);
    expect(status).toBe(403);
    await context.close();
  });

  it('turns the reminder emails off from the email\'s link by keyboard alone, and on again; the API keeps the choice', async () => {
    const { context, page } = await consoleUi.signedIn('employee');
    await page.waitForURL(/\/jam-pelajaran-saya$/);
    // As from the email: a fresh load of the link (not a jump within the page already open).
    await page.goto('about:blank');
    await page.goto('/jam-pelajaran-saya#pengingat');
    await settled(page);
    const reminders = page.getByRole('switch', { name: 'Email pengingat' });
    // The unsubscribe link lands on the switch itself.
    await expect.poll(() => reminders.evaluate((input) => input === document.activeElement), { timeout: POLL_TIMEOUT }).toBe(true);
    await expect(reminders.isChecked()).resolves.toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Email pengingat dimatikan.' }).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expect(reminders.isChecked()).resolves.toBe(false);
    await expect(page.getByText('Dimatikan: tidak ada email pengingat').count()).resolves.toBe(1);
    await expect(apiCall('GET', `/employees/${me.nip}`).then((answer) => answer.body.remindersOff)).resolves.toBe(true);
    await expectAccessible(page, 'my hours, reminders off');
    await screenshot(page, 'jam-pelajaran-saya-pengingat-mati');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Email pengingat diaktifkan.' }).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expect(apiCall('GET', `/employees/${me.nip}`).then((answer) => answer.body.remindersOff)).resolves.toBeUndefined();
    await context.close();
  });
});

describe('sign-out', () => {
  it('leaves no NIP, name or hours in the browser: storage wiped but the language, Back shows nothing', async () => {
    const { context, page } = await consoleUi.signedIn('employee');
    await settled(page);
    await expect.poll(() => page.getByTestId('my-identity').textContent(), { timeout: POLL_TIMEOUT }).toContain(me.name);
    await page.getByLabel('Bahasa').selectOption('en');
    await page.getByLabel('Language').selectOption('id');
    // Something a library might have left behind.
    await page.evaluate(() => localStorage.setItem('stray-cache', 'Siti Rahmawati 8 jam'));
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(/\/masuk/);
    const stored = await page.evaluate(() => ({
      session: Object.entries(sessionStorage),
      local: Object.entries(localStorage),
    }));
    expect(stored.session).toEqual([]);
    expect(stored.local).toEqual([['jalin.language', 'id']]);
    // Back to the page of hours: no session, so the sign-in page, and none of the data.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: POLL_TIMEOUT }).toBe('/masuk');
    await page.getByRole('button', { name: 'employee', exact: true }).waitFor();
    await expect(page.getByText(me.name).count()).resolves.toBe(0);
    await expect(page.getByText(EMPLOYEE_NIP).count()).resolves.toBe(0);
    await context.close();
  });
});
