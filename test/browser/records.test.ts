import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectAccessible, POLL_TIMEOUT, screenshot, settled, useConsole } from './harness.ts';

const consoleUi = useConsole();

const apiCall = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => consoleUi.api('agreements-admin', method, path, body, headers);

const draft = {
  kind: 'MOU',
  partners: [{ name: 'Prefektur Uji', category: 'FOREIGN_GOVERNMENT', country: 'JP' }],
  fields: ['pendidikan'],
  startsOn: '2025-01-01',
  endsOn: '2026-12-27',
  ownerUnit: 'Biro Kerja Sama Daerah',
  contactEmails: ['kerjasama@jakarta.go.id'],
};

/** A one-page PDF: it starts with `%PDF-`, as the API's check wants. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

describe('an agreement’s records on its detail page', () => {
  it('uploads an official translation with progress, lists it with its kind in words once checked, and downloads it', async () => {
    const created = await apiCall('POST', '/agreements', { ...draft, title: 'Kerja Sama Uji Dokumen' }, { 'idempotency-key': 'records-documents' });
    const { context, page } = await consoleUi.signedIn('agreements-admin');
    const announced: unknown[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/documents')) announced.push(request.postDataJSON());
    });
    await page.goto(`/kerja-sama/${created.body.id}`);
    await settled(page);
    const documents = page.locator('section[aria-labelledby="section-documents"]');
    await expect(documents.getByText('Belum ada dokumen untuk kerja sama ini.').count()).resolves.toBe(1);

    // A Word file is refused in the browser, in Indonesian, before anything is sent.
    const fileInput = documents.locator('input[type="file"]');
    await fileInput.setInputFiles({ name: 'naskah.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK') });
    await expect.poll(() => documents.getByText('Berkas naskah.docx bukan PDF, JPEG, atau PNG.').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expect(documents.getByRole('button', { name: 'Unggah', exact: true }).isDisabled()).resolves.toBe(true);

    // The PUT is held until the progress bar has been seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/files/**', async (route) => {
      if (route.request().method() === 'PUT') await held;
      await route.continue();
    });
    await fileInput.setInputFiles({ name: 'terjemahan-resmi.pdf', mimeType: 'application/pdf', buffer: PDF });
    await documents.getByLabel('Jenis dokumen').selectOption('OFFICIAL_TRANSLATION');
    await documents.getByRole('button', { name: 'Unggah', exact: true }).click();
    // At 0 % the bar has no width (hidden to Playwright): it is there, named, and counting.
    await documents.getByRole('progressbar', { name: 'Mengunggah terjemahan-resmi.pdf' }).waitFor({ state: 'attached' });
    await expect(documents.getByText(/^Mengunggah terjemahan-resmi\.pdf · \d+%$/).count()).resolves.toBe(1);
    await screenshot(page, 'records-upload-progress');
    release();

    // Listed with its kind and status in words; the list asks again until the check has answered.
    const row = documents.getByRole('row').filter({ hasText: 'terjemahan-resmi.pdf' });
    await expect.poll(() => row.getAttribute('data-status'), { timeout: POLL_TIMEOUT }).toBe('AVAILABLE');
    await expect(row.getByRole('cell', { name: 'Terjemahan resmi', exact: true }).count()).resolves.toBe(1);
    await expect(row.getByRole('cell', { name: 'Tersedia', exact: true }).count()).resolves.toBe(1);
    expect(announced).toEqual([{ filename: 'terjemahan-resmi.pdf', contentType: 'application/pdf', size: PDF.length, kind: 'OFFICIAL_TRANSLATION' }]);
    await expect(documents.getByRole('columnheader', { name: 'Jenis dokumen' }).count()).resolves.toBe(1);
    await expectAccessible(page, 'documents with an upload');
    await documents.scrollIntoViewIfNeeded();
    await screenshot(page, 'records-documents');

    const download = page.waitForEvent('download');
    await documents.getByRole('button', { name: 'Unduh terjemahan-resmi.pdf' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('terjemahan-resmi.pdf');
    expect((await readFile((await file.path())!)).equals(PDF)).toBe(true);

    // The history names the upload in words once the page is read again.
    await page.reload();
    await settled(page);
    const history = page.locator('section[aria-labelledby="section-history"]');
    await expect.poll(() => history.getByText('Dokumen: (kosong) → terjemahan-resmi.pdf (Terjemahan resmi, Sedang diperiksa)').count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expect(history.getByText(/^Dokumen diperiksa oleh pemeriksaan otomatis, /).count()).resolves.toBe(1);
    await context.close();
  });

  it('terminating a version someone else changed shows what changed in Indonesian, then reapplies; the history reads in Indonesian', async () => {
    const created = await apiCall('POST', '/agreements', { ...draft, title: 'Kerja Sama Uji Pengakhiran' }, { 'idempotency-key': 'records-terminate' });
    const id = created.body.id as string;
    const { context, page } = await consoleUi.signedIn('agreements-admin');
    await page.goto(`/kerja-sama/${id}`);
    await settled(page);
    await page.getByRole('button', { name: 'Akhiri', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Akhiri kerja sama' });
    await dialog.waitFor();
    // The reason is checked live with the API's schema: one line only.
    const reason = dialog.getByLabel('Alasan');
    await reason.fill('Mitra membubarkan\nprogram');
    await expect.poll(() => reason.getAttribute('aria-invalid'), { timeout: POLL_TIMEOUT }).toBe('true');
    await reason.fill('Mitra membubarkan program');
    await expect.poll(() => reason.getAttribute('aria-invalid'), { timeout: POLL_TIMEOUT }).not.toBe('true');

    // Meanwhile someone else extends it.
    const changed = await apiCall('PATCH', `/agreements/${id}`, { endsOn: '2031-01-27' }, { 'if-match': created.etag! });
    expect(changed.status).toBe(200);
    await dialog.getByRole('button', { name: 'Akhiri', exact: true }).click();
    const notice = dialog.getByTestId('stale-notice');
    await notice.waitFor();
    await expect(notice.getByText('Berakhir: 27 Desember 2026 → 27 Januari 2031', { exact: true }).count()).resolves.toBe(1);
    await expectAccessible(page, 'terminate 412');
    await screenshot(page, 'records-terminate-412');

    await notice.getByRole('button', { name: 'Terapkan lagi perubahan saya' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByText('Diakhiri').count(), { timeout: POLL_TIMEOUT }).toBeGreaterThan(0);
    const history = page.locator('section[aria-labelledby="section-history"]');
    await expect.poll(() => history.getByText('Alasan pengakhiran: (kosong) → Mitra membubarkan program', { exact: true }).count(), { timeout: POLL_TIMEOUT }).toBe(1);
    await expect(history.getByText('Berakhir: 27 Desember 2026 → 27 Januari 2031', { exact: true }).count()).resolves.toBe(1);
    await expect(history.getByText('Tanggal diakhiri: (kosong) → 20 Desember 2026', { exact: true }).count()).resolves.toBe(1);
    await expect(history.getByText(/^Diubah oleh .+, 20 Desember 2026/).count()).resolves.toBe(1);
    await expect(history.getByText(/^Diakhiri oleh .+, 20 Desember 2026/).count()).resolves.toBe(1);
    await expectAccessible(page, 'terminated detail with history');
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'records-history');
    await context.close();
  });
});
