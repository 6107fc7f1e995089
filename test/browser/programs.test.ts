import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { demoEmployees, demoNip, demoPrograms } from '../../infra/local/demo-data-training.ts';
import { expectAccessible, POLL_TIMEOUT, screenshot, settled, useConsole } from './harness.ts';

const consoleUi = useConsole();

const apiCall = consoleUi.api;

const hoursOf = async (nip: string) => (await apiCall('training-admin', 'GET', `/employees/${nip}/training-summary?year=2026`)).body.hours as number;
const programsOf2026 = demoPrograms.filter((entry) => entry.program.endsOn.startsWith('2026'));
const pkn = demoPrograms.find((entry) => entry.key === 'pkn-ii-xxxiv')!;

describe('program pages', () => {
  it('lists the 2026 demo programs; training-admin creates one with live checks, lands on it, and edits it past a 412', async () => {
    const { context, page } = await consoleUi.signedIn('training-admin');
    await page.goto('/program-pelatihan?tahun=2026');
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_TIMEOUT }).toBe('Program pelatihan 2026');
    const rows = page.getByTestId('program-table').locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: POLL_TIMEOUT }).toBe(programsOf2026.length);
    const leadership = rows.filter({ hasText: 'Pelatihan Kepemimpinan Pengawas' });
    await expect(leadership.textContent()).resolves.toMatch(/Angkatan VII.*BPSDM Provinsi DKI Jakarta.*Klasikal.*4 Mei 2026 – 26 Juni 2026.*40 JP \(30 jam\).*8 pegawai DKI · 0 peserta luar/);
    await expect(rows.filter({ hasText: 'Kolaka' }).textContent()).resolves.toMatch(/32 jam \(\d+(,\d+)? JP\).*0 pegawai DKI · 3 peserta luar/);
    await expectAccessible(page, 'program list');
    await screenshot(page, 'program-list-2026');

    await page.getByRole('button', { name: 'Program baru' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Judul').fill('Pelatihan Uji Peramban');
    await dialog.getByLabel('Tanggal mulai').fill('2026-10-10');
    await dialog.getByLabel('Tanggal selesai').fill('2026-10-01');
    await dialog.getByLabel('Tanggal selesai').blur();
    // The API's own date rule, checked in the browser before anything is sent, in Indonesian.
    await expect.poll(() => dialog.getByText(/harus sama dengan atau setelah tanggal mulai/).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await dialog.getByLabel('Tanggal selesai').fill('2026-10-12');
    await dialog.getByText('Jam', { exact: true }).click();
    await dialog.getByLabel('Lama (jam)').fill('24');
    await dialog.getByLabel('Angkatan').fill('Angkatan Uji');
    await expectAccessible(page, 'new program dialog');
    await screenshot(page, 'program-new-dialog');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.waitForURL(/\/program-pelatihan\/[^/?]+$/);
    await settled(page);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_TIMEOUT }).toBe('Pelatihan Uji Peramban · Angkatan Uji');
    await expect(page.getByText('24 jam (32 JP)').count()).resolves.toBe(1);

    // Edited while someone else changes it: the 412 says what changed; reapplying keeps both changes.
    const programId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('button', { name: 'Ubah', exact: true }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('Angkatan').fill('Angkatan Uji II');
    const { id, year, jp, lengthUnit, jpMinutes, internalParticipants, externalParticipants, version, createdAt, createdBy, updatedAt, ...content } = (await apiCall('training-admin', 'GET', `/training-programs/${programId}`)).body;
    expect((await apiCall('training-admin', 'PUT', `/training-programs/${programId}`, { ...content, provider: 'LAN RI' }, { 'if-match': `"${version}"` })).status).toBe(200);
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await expect.poll(() => edit.getByTestId('stale-notice').textContent(), { timeout: POLL_TIMEOUT }).toContain('Penyelenggara: BPSDM Provinsi DKI Jakarta → LAN RI');
    await expect(edit.getByText('Orang lain mengubah program ini').count()).resolves.toBe(1);
    await screenshot(page, 'program-edit-412');
    await edit.getByRole('button', { name: 'Terapkan lagi perubahan saya' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('h1').textContent(), { timeout: POLL_TIMEOUT }).toBe('Pelatihan Uji Peramban · Angkatan Uji II');
    await expect.poll(() => page.getByText('LAN RI', { exact: true }).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await context.close();
  });

  it('shows a cohort with its DKI and external participants and change projects; an auditor gets no write buttons', async () => {
    const { context, page } = await consoleUi.signedIn('auditor');
    await page.goto('/program-pelatihan?tahun=2024');
    await settled(page);
    await expect(page.getByRole('button', { name: 'Program baru' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: pkn.program.title }).click();
    await page.waitForURL(/\/program-pelatihan\/[^/?]+$/);
    await settled(page);
    const table = page.getByTestId('participant-table');
    await expect.poll(() => table.locator('tbody tr[data-kind="INTERNAL"]').count(), { timeout: POLL_TIMEOUT }).toBe(pkn.internal.length);
    await expect(table.locator('tbody tr[data-kind="EXTERNAL"]').count()).resolves.toBe(pkn.external.length);
    const external = pkn.external[0]!;
    await expect(table.locator('tbody tr[data-kind="EXTERNAL"]').textContent()).resolves.toContain(`${external.name}Peserta luar${external.agency}${external.changeProjectTitle}`);
    // An employee's NIP leads to their page; the agreement to its page.
    const internal = pkn.internal[0]!;
    await expect(table.getByRole('link', { name: internal.nip }).getAttribute('href')).resolves.toMatch(/^\/pegawai\/[0-9a-f]{12}$/);
    await expect(table.getByText(internal.changeProjectTitle!).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Buka kerja sama' }).getAttribute('href')).resolves.toMatch(/^\/kerja-sama\/.+/);
    for (const name of ['Ubah', 'Tambah peserta', 'Tambah dari daftar', /^Keluarkan/]) await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
    await expectAccessible(page, 'program detail');
    await screenshot(page, 'program-detail-pkn');
    await context.close();
  });

  it('training-admin adds a participant by keyboard only, removes one after confirming, and adds from a roster', async () => {
    const created = await apiCall('training-admin', 'POST', '/training-programs', { title: 'Bimtek Uji Peserta', provider: 'BPSDM Provinsi DKI Jakarta', method: 'CLASSICAL', startsOn: '2026-11-02', endsOn: '2026-11-03', hours: 12 }, { 'idempotency-key': 'browser-participants' });
    expect(created.status).toBe(201);
    const employee = demoEmployees[5]!;
    const before = await hoursOf(employee.nip);
    const { context, page } = await consoleUi.signedIn('training-admin');
    await page.goto(`/program-pelatihan/${created.body.id}`);
    await settled(page);
    const add = page.getByRole('button', { name: 'Tambah peserta' });
    await add.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Focus starts in the NIP field and stays in the dialog.
    await expect.poll(() => dialog.getByLabel('NIP').evaluate((element) => element === document.activeElement), { timeout: POLL_TIMEOUT }).toBe(true);
    await page.keyboard.type('12345');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByText('harus 18 digit, bukan 5').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    for (let step = 0; step < 8; step += 1) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await expectAccessible(page, 'add participant dialog');
    await screenshot(page, 'program-add-participant');
    await dialog.getByLabel('NIP').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(employee.nip);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => add.evaluate((element) => element === document.activeElement), { timeout: POLL_TIMEOUT }).toBe(true);
    const table = page.getByTestId('participant-table');
    await expect.poll(() => table.getByText(employee.name).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    // The participation is a training record: its hours are in the employee's year.
    expect(await hoursOf(employee.nip)).toBe(before + 12);

    await page.getByRole('button', { name: `Keluarkan ${employee.name}` }).click();
    await expect.poll(() => page.getByRole('dialog').getByText(/Catatan pelatihan program ini dan jamnya juga dihapus/).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await page.getByRole('dialog').getByRole('button', { name: 'Keluarkan' }).click();
    await expect.poll(() => page.getByText('Belum ada peserta.').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    expect(await hoursOf(employee.nip)).toBe(before);

    // A roster: checked with the API's schema in the browser, sent once it is clean.
    await page.getByRole('button', { name: 'Tambah dari daftar' }).click();
    const roster = page.getByRole('dialog');
    const list = roster.getByLabel('Daftar peserta');
    await list.fill(`nip,nama,instansi\n${demoNip(6)},,\n199101052019032001,,Pemerintah Kabupaten Kolaka`);
    await expect.poll(() => roster.getByTestId('roster-problems').textContent(), { timeout: POLL_TIMEOUT }).toMatch(/Baris 2 \(199101052019032001\): name /);
    await expect(roster.getByRole('button', { name: 'Kirim 2 peserta' }).isDisabled()).resolves.toBe(true);
    await list.fill(`nip,nama,instansi\n${demoNip(6)},,\n199101052019032001,Sitti Hardianti,Pemerintah Kabupaten Kolaka`);
    await roster.getByRole('button', { name: 'Kirim 2 peserta' }).click();
    await expect.poll(() => roster.getByTestId('roster-result').textContent(), { timeout: POLL_TIMEOUT }).toContain('2 ditambahkan, 0 sudah terdaftar, 0 ditolak.');
    await roster.getByRole('button', { name: 'Tutup' }).last().click();
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: POLL_TIMEOUT }).toBe(2);
    await context.close();
  });
});

describe('roster import', () => {
  const nips = [demoNip(3), demoNip(8)];
  const csv = [
    'NIP;Judul;Penyelenggara;Metode;Tanggal Mulai;Tanggal Selesai;Jam',
    ...nips.map((nip) => `${nip};Bimtek Uji Impor Peramban;ANRI;Klasikal;01/12/2026;02/12/2026;6,5`),
    `${demoNip(13)};Bimtek Uji Impor Peramban;ANRI;Daring;01/12/2026;02/12/2026;6,5`,
  ].join('\r\n');
  const file = { name: 'roster-uji.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\r\n`) };

  it('checks the file in the browser, imports it in the background, lists the rejected row; a re-import counts duplicates, not hours', async () => {
    const before = await hoursOf(nips[0]!);
    const { context, page } = await consoleUi.signedIn('training-admin');
    await page.goto('/impor-roster');
    await settled(page);
    await expect(page.getByText(/Mengimpor berkas yang sama lagi tidak berbahaya/).count()).resolves.toBe(1);

    // Keyboard only: Enter on the file field opens the file chooser, Enter on the button sends.
    async function importOnce(): Promise<string> {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('import-file').focus();
      await page.keyboard.press('Enter');
      await (await chooser).setFiles(file);
      const preview = page.getByTestId('import-preview');
      await expect.poll(() => preview.getByRole('status').textContent(), { timeout: POLL_TIMEOUT }).toBe('Roster Pelatihan: 3 baris, 2 lolos pemeriksaan, 1 bermasalah.');
      // The bad row and its reason, from the API's own parser, before anything is sent.
      await expect(page.getByTestId('import-preview-bad').locator('tbody tr[data-line="4"]').textContent()).resolves.toMatch(/method harus salah satu dari CLASSICAL, NON_CLASSICAL, Klasikal, Nonklasikal/);
      const shown = new URL(page.url()).searchParams.get('impor');
      await page.getByRole('button', { name: 'Kirim 3 baris' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.has('impor') && url.searchParams.get('impor') !== shown);
      // This import's progress, not the previous one's still on screen.
      const progress = page.locator(`[data-testid="import-progress"][data-import="${new URL(page.url()).searchParams.get('impor')}"]`);
      await expect.poll(() => progress.getAttribute('data-status'), { timeout: POLL_TIMEOUT }).toBe('DONE');
      return (await progress.getByTestId('import-counts').textContent()) ?? '';
    }

    expect(await importOnce()).toBe('3 dari 3 baris diproses · 2 diimpor, 0 duplikat, 1 ditolak');
    const rejected = page.getByTestId('import-rejected');
    await expect.poll(() => rejected.locator('tbody tr').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expect(rejected.locator('tbody tr[data-line="4"]').textContent()).resolves.toMatch(new RegExp(`${demoNip(13)}.*method harus salah satu dari`));
    await expectAccessible(page, 'roster import done');
    await screenshot(page, 'roster-import-done');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh baris yang ditolak (CSV)' }).click();
    const saved = await readFile((await (await download).path())!, 'utf8');
    expect(saved.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('NIP;Judul;Penyelenggara;Metode;Tanggal Mulai;Tanggal Selesai;Jam;line;errors');
    expect(await hoursOf(nips[0]!)).toBe(before + 6.5);

    // The same file again: every good row is a duplicate, no hour is added twice.
    expect(await importOnce()).toBe('3 dari 3 baris diproses · 0 diimpor, 2 duplikat, 1 ditolak');
    await expect(page.getByText(/2 baris sudah tercatat sebelumnya/).count()).resolves.toBe(1);
    expect(await hoursOf(nips[0]!)).toBe(before + 6.5);
    await expect.poll(() => page.getByTestId('import-recent').locator('tbody tr').filter({ hasText: 'roster-uji.csv' }).count(), { timeout: POLL_TIMEOUT }).toBe(2);
    await screenshot(page, 'roster-import-again');
    await context.close();
  });

  it('refuses an unusable header in the browser, naming it', async () => {
    const { context, page } = await consoleUi.signedIn('training-admin');
    await page.goto('/impor-roster');
    await settled(page);
    await page.locator('input[type="file"]').setInputFiles({ name: 'salah.csv', mimeType: 'text/csv', buffer: Buffer.from('nip;catatan\n1;2\n') });
    await expect.poll(() => page.getByRole('alert', { name: 'Judul kolom tidak dapat dipakai' }).textContent(), { timeout: POLL_TIMEOUT }).toMatch(/unknown column "catatan"/);
    await expect(page.getByRole('button', { name: /^Kirim/ }).count()).resolves.toBe(0);
    await context.close();
  });
});
