import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { demoEmployees } from '../../infra/local/demo-data-training.ts';
import { expectAccessible, POLL_TIMEOUT, screenshot, settled, useConsole } from './harness.ts';

const consoleUi = useConsole();
const demoUnit = demoEmployees[0]!.unit;
const unitEmployees = demoEmployees.filter((employee) => employee.unit === demoUnit);

it('the compliance heat map writes a number in every cell, worst unit first, and each unit opens its page', async () => {
  const { context, page } = await consoleUi.signedIn('training-admin');
  await page.goto('/pelatihan');
  await settled(page);
  const heat = page.getByTestId('heat-map');
  await expect.poll(() => heat.locator('tbody tr').count(), { timeout: POLL_TIMEOUT }).toBe(5);
  // Colour is never the only cue: every coloured cell says its count and share.
  const cells = await heat.locator('td[data-heat]').allInnerTexts();
  expect(cells).toHaveLength(5 * 4);
  for (const cell of cells) expect(cell).toMatch(/^\d+ \(\d+%\)$/);
  await expect(page.getByText(/Laju pro-rata per 20 Desember 2026/).count()).resolves.toBe(1);
  await expect(page.getByText('Keterangan', { exact: true }).count()).resolves.toBe(1);
  await expectAccessible(page, '/pelatihan');
  await screenshot(page, 'compliance-heat-map');

  const first = heat.locator('tbody tr').first().getByRole('link');
  const unit = await first.innerText();
  // Keyboard only: a unit's link is reached and followed without a pointer.
  await first.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => decodeURIComponent(url.pathname) === `/pelatihan/unit/${unit}`);
  await page.locator('[data-page="unit"][data-complete="true"]').waitFor();
  await context.close();
});

it('the unit page lists the unit, filters by band and is walked with the keyboard to an employee', async () => {
  const { context, page } = await consoleUi.signedIn('auditor');
  await page.goto(`/pelatihan/unit/${encodeURIComponent(demoUnit)}?tahun=2026`);
  await page.locator('[data-page="unit"][data-complete="true"]').waitFor();
  const rows = page.getByTestId('unit-rows').locator('[data-row]');
  await expect.poll(() => rows.count(), { timeout: POLL_TIMEOUT }).toBe(unitEmployees.length);
  const names = await rows.getByRole('link').allInnerTexts();
  expect(names.sort()).toEqual(unitEmployees.map((employee) => employee.name).sort());
  await expect(page.getByText(`${unitEmployees.length} pegawai ditampilkan dari ${unitEmployees.length}`).count()).resolves.toBe(1);
  await expectAccessible(page, '/pelatihan/unit');
  await screenshot(page, 'compliance-unit');

  // Employees without a record this year: the "0" band shows only them.
  const statuses = async () => [...new Set(await rows.locator('[role="cell"]:last-child').allTextContents())];
  await page.getByLabel('Kelompok').selectOption('none');
  await expect.poll(statuses, { timeout: POLL_TIMEOUT }).toEqual(['Belum ada']);
  // Its export holds the same rows: the "0" band, not every employee below the target.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspor CSV' }).click();
  const exported = parse(await readFile((await (await download).path())!), { bom: true, columns: true }) as Record<string, string>[];
  expect(exported.map((row) => row['Nama']).sort()).toEqual((await rows.getByRole('link').allInnerTexts()).sort());
  expect(new Set(exported.map((row) => row['Jam Pelatihan']))).toEqual(new Set(['0']));
  await page.getByLabel('Kelompok').selectOption('partial');
  await expect.poll(statuses, { timeout: POLL_TIMEOUT }).toEqual(['Sebagian']);
  await page.getByLabel('Kelompok').selectOption('met');
  await expect.poll(statuses, { timeout: POLL_TIMEOUT }).toEqual(['Memenuhi target']);
  await page.getByLabel('Kelompok').selectOption('');
  await expect.poll(() => rows.count(), { timeout: POLL_TIMEOUT }).toBe(unitEmployees.length);

  // Keyboard only: Tab reaches the first row's link, arrows and End move between rows, Enter opens.
  const focusedRow = () => page.evaluate(() => document.activeElement?.closest('[data-row]')?.getAttribute('data-row') ?? null);
  await page.getByLabel('Kelompok').focus();
  for (let presses = 0; presses < 6 && (await focusedRow()) === null; presses += 1) await page.keyboard.press('Tab');
  expect(await focusedRow()).toBe('0');
  await page.keyboard.press('ArrowDown');
  await expect.poll(focusedRow, { timeout: POLL_TIMEOUT }).toBe('1');
  await page.keyboard.press('End');
  await expect.poll(focusedRow, { timeout: POLL_TIMEOUT }).toBe(String(unitEmployees.length - 1));
  const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
  // The address names the employee by an alias of this session, never by NIP.
  expect(href).toMatch(/^\/pegawai\/[0-9a-f]{12}$/);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === href);
  await context.close();
});

it('the yearly targets page sets a target in JP as training-admin, checked with the API schema', async () => {
  const { context, page } = await consoleUi.signedIn('training-admin');
  await page.goto('/target-tahunan');
  await settled(page);
  const row2027 = page.getByTestId('targets-table').locator('tr[data-year="2027"]');
  await expect.poll(() => row2027.innerText(), { timeout: POLL_TIMEOUT }).toMatch(/Bawaan/);
  await expect(page.getByText(/JP \(jam pelajaran\): 45 menit/).count()).resolves.toBe(1);

  await page.getByLabel('Tahun', { exact: true }).selectOption('2027');
  await page.getByLabel('Satuan').selectOption('JP');
  await page.getByRole('textbox', { name: 'Target' }).fill('2,5');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect.poll(() => page.getByText('harus bilangan bulat JP').count(), { timeout: POLL_TIMEOUT }).toBe(1);
  await expectAccessible(page, '/target-tahunan with an error');

  // Keyboard only: the field retyped, Enter saves.
  await page.getByRole('textbox', { name: 'Target' }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Target 2027 disimpan: 15 jam = 20 JP.' }).count(), { timeout: POLL_TIMEOUT }).toBe(1);
  await expect.poll(() => row2027.innerText(), { timeout: POLL_TIMEOUT }).toMatch(/^2027\s+15\s+20\s+JP\s+Ditetapkan$/);
  await screenshot(page, 'targets-admin');
  await context.close();
});

it('the yearly targets page is read-only for the auditor', async () => {
  const { context, page } = await consoleUi.signedIn('auditor');
  await page.goto('/target-tahunan');
  await settled(page);
  await expect.poll(() => page.getByTestId('targets-table').locator('tbody tr').count(), { timeout: POLL_TIMEOUT }).toBe(6);
  await expect(page.getByRole('button', { name: 'Simpan' }).count()).resolves.toBe(0);
  await expect(page.getByText(/hanya dapat melihat target/).count()).resolves.toBe(1);
  await expectAccessible(page, '/target-tahunan as auditor');
  await screenshot(page, 'targets-auditor');
  await context.close();
});
