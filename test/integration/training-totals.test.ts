import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { db, tableName } from '../../shared/db/client.ts';
import { InvalidInputError } from '../../shared/errors.ts';
import { keyText } from '../../shared/text.ts';
import { bucketOf, paddedHours } from '../../shared/training/hours-index.ts';
import type { EmployeeInput, TrainingInput } from '../../shared/training/schemas.ts';
import { addTrainings as addRosterTrainings } from '../../shared/training/imports/writers.ts';
import { holdLock, LOCK_LEASE_MS, lockShardOf, releaseLock } from '../../shared/training/repository/bulk-locks.ts';
import { addTrainings } from '../../shared/training/service/bulk-trainings.ts';
import { complianceReport, complianceSummary } from '../../shared/training/service/compliance.ts';
import { openYear } from '../../shared/training/service/open-year.ts';
import { employeeItem } from '../../shared/training/repository/employees.ts';
import { listEmployees, putEmployee, upsertEmployees } from '../../shared/training/service/employees.ts';
import { backfillLaterNameWords } from '../../shared/training/service/name-backfill.ts';
import { addTraining, removeTraining } from '../../shared/training/service/records.ts';
import { useTestTable } from '../support/database.ts';
import { nipFor } from '../support/fixtures/employees.ts';

useTestTable();
const actor = () => ({ subject: 'test', now: new Date('2026-06-01T00:00:00Z') });
const employee = (index: number, overrides: Partial<EmployeeInput> = {}): EmployeeInput => ({
  name: `Pegawai ${index}`,
  email: `pegawai${index}@jakarta.go.id`,
  unit: index % 2 ? 'Dinas Kesehatan' : 'Dinas Pendidikan',
  ...overrides,
});
const course = (title: string, endsOn: string, hours: number, extra: Partial<TrainingInput> = {}): TrainingInput => ({ title, provider: 'BPSDM', method: 'CLASSICAL', startsOn: endsOn, endsOn, hours, ...extra });

async function partition(pk: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every employee of the table, through the units (the test table holds only this file's data). */
async function everyNip(): Promise<string[]> {
  const nips: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEmployees({ limit: 100, ...(cursor ? { cursor } : {}) });
    nips.push(...page.items.map((item) => item.nip));
    cursor = page.nextCursor;
  } while (cursor);
  return nips;
}

/** Recomputes every total from the records and every unit histogram from the totals, and compares them with what is stored. */
async function expectTotalsAndCountersExact(): Promise<void> {
  const histograms = new Map<string, number>();
  const years = new Set<number>();
  for (const nip of await everyNip()) {
    const items = await partition(`EMPLOYEE#${nip}`);
    const profile = items.find((item) => item.SK === 'PROFILE')!;
    const totals = items.filter((item) => String(item.SK).startsWith('TOTAL#'));
    expect(profile.totalYears, nip).toBe(totals.length);
    for (const total of totals) {
      years.add(total.year as number);
      const records = items.filter((item) => String(item.SK).startsWith(`TRAINING#${total.year as number}#`));
      const hours = records.reduce((sum, record) => sum + (record.hours as number), 0);
      expect({ nip, year: total.year, hours: total.hours, trainings: total.trainings, unit: total.unit, name: total.name }).toEqual({ nip, year: total.year, hours, trainings: records.length, unit: profile.unit, name: profile.name });
      // The total lists exactly its records and their certificate numbers: duplicates are found from it.
      expect([...(total.records as string[])].sort()).toEqual(records.map((record) => record.id as string).sort());
      expect([...(total.certificates as string[])].sort()).toEqual(records.flatMap((record) => (record.certificateNumber ? [keyText(record.certificateNumber as string)] : [])).sort());
      expect(total.GSI2PK).toBe(`HOURS#${total.year as number}#${keyText(profile.unit as string)}`);
      expect(total.GSI2SK).toBe(`${paddedHours(hours)}#${nip}`);
      const key = `${total.year as number}|${keyText(profile.unit as string)}|${bucketOf(hours)}`;
      histograms.set(key, (histograms.get(key) ?? 0) + 1);
    }
  }
  const stored = new Map<string, number>();
  for (const year of years) {
    for (const counter of await partition(`COMPLIANCE#${year}`)) {
      const unitKey = String(counter.SK).slice(0, String(counter.SK).lastIndexOf('#'));
      for (const [attribute, count] of Object.entries(counter)) {
        if (!/^q\d+$/.test(attribute) || count === 0) continue;
        const key = `${year}|${unitKey}|${attribute}`;
        stored.set(key, (stored.get(key) ?? 0) + (count as number));
      }
    }
  }
  for (const [key, count] of [...stored]) if (count === 0) stored.delete(key);
  expect(Object.fromEntries([...stored].sort())).toEqual(Object.fromEntries([...histograms].sort()));
}

/** Counts the transactions sent from now on. */
function countTransactions(): { count: () => number; remove: () => void } {
  const name = `count-transactions-${randomUUID()}`;
  let count = 0;
  db().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'TransactWriteItemsCommand') count += 1;
      return next(args);
    },
    { step: 'initialize', name },
  );
  return { count: () => count, remove: () => void db().middlewareStack.remove(name) };
}

/** A bulk writer that dies once its records and totals are written, before the transaction that applies its counters and releases its lock. */
function dieAtRelease(): { remove: () => void } {
  const name = `die-at-release-${randomUUID()}`;
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const items = (args.input as { TransactItems?: { Delete?: { Key?: { PK?: string } } }[] }).TransactItems ?? [];
      if (context.commandName === 'TransactWriteItemsCommand' && items.some((item) => item.Delete?.Key?.PK?.startsWith('TOTALS-LOCK#'))) throw Object.assign(new Error('the worker died'), { name: 'WorkerDied' });
      return next(args);
    },
    { step: 'initialize', name },
  );
  return { remove: () => void db().middlewareStack.remove(name) };
}

describe('yearly totals and unit histograms', () => {
  it('stay exact when bulk imports, re-imports, single writes, removals and changes of unit race each other', async () => {
    const nips = Array.from({ length: 12 }, (_, index) => nipFor(100 + index));
    for (const [index, nip] of nips.entries()) await putEmployee(nip, employee(index), undefined, actor());
    const seeded = await Promise.all(nips.map((nip, index) => addTraining(nip, course(`Awal ${index}`, '2026-02-02', 4), actor())));
    const bulk = nips.flatMap((nip, index) =>
      Array.from({ length: 6 }, (_, course_) => ({ nip, body: course(`Massal ${course_}`, course_ % 2 ? '2026-09-01' : '2027-01-02', 1.5 + index * 0.25, course_ === 0 ? { certificateNumber: `S-${index}` } : {}) })),
    );
    const [first, again] = await Promise.all([
      addTrainings(bulk, actor()),
      addTrainings(bulk, actor()),
      ...nips.map((nip, index) => addTraining(nip, course(`Tunggal ${index}`, '2026-09-01', 2), actor())),
      ...seeded.slice(0, 6).map(({ training }) => removeTraining(training.nip, training.id, actor())),
      ...nips.slice(0, 5).map((nip, index) => putEmployee(nip, employee(index, { unit: 'Biro Kerja Sama Daerah', name: `Pindah ${index}` }), 'any', actor())),
    ]);
    // Each row was stored exactly once, by one of the two runs.
    for (let index = 0; index < bulk.length; index += 1) expect([first![index]!.kind, again![index]!.kind].sort()).toEqual(['duplicate', 'imported']);
    await expectTotalsAndCountersExact();

    const rerun = await addTrainings(bulk, actor());
    expect(new Set(rerun.map((outcome) => outcome.kind))).toEqual(new Set(['duplicate']));
    await expectTotalsAndCountersExact();
  });

  it('rejects rows of unregistered employees and unknown agreements, and keeps the rows around them', async () => {
    const nip = nipFor(200);
    await putEmployee(nip, employee(200), undefined, actor());
    const outcomes = await addTrainings(
      [
        { nip, body: course('Baik', '2026-03-03', 3) },
        { nip: nipFor(201), body: course('Tak terdaftar', '2026-03-03', 3) },
        { nip, body: course('Kerja sama', '2026-03-04', 3, { agreementId: 'no-such-agreement' }) },
        { nip, body: course('Baik', '2026-03-03', 3) },
      ],
      actor(),
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['imported', 'rejected', 'rejected', 'duplicate']);
    await expectTotalsAndCountersExact();
  });

  it('treat a certificate number as unique per employee and year, within a file as in the store', async () => {
    const nip = nipFor(220);
    await putEmployee(nip, employee(220), undefined, actor());
    const outcomes = await addTrainings(
      [
        { nip, body: course('Sertifikasi', '2026-06-06', 8, { certificateNumber: 'SRT-1' }) },
        { nip, body: course('Sertifikasi ulang', '2027-06-06', 8, { certificateNumber: 'SRT-1' }) },
        { nip, body: course('Salinan', '2026-07-07', 8, { certificateNumber: 'SRT-1' }) },
      ],
      actor(),
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['imported', 'imported', 'duplicate']);
    await expectTotalsAndCountersExact();
  });

  it('hold back other writers of the totals a bulk writer holds, and let them through once it is done', async () => {
    const nip = nipFor(250);
    await putEmployee(nip, employee(250), undefined, actor());
    const lock = await holdLock(2026, lockShardOf(nip));
    const attempts = countTransactions();
    const single = addTraining(nip, course('Saat impor', '2026-04-04', 3), actor());
    // The single write tries, meets the lock and waits; nothing of it is stored while the lock is held.
    await expect.poll(() => attempts.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect((await partition(`EMPLOYEE#${nip}`)).filter((item) => String(item.SK).startsWith('TRAINING#'))).toEqual([]);
    await releaseLock(lock);
    await single;
    attempts.remove();
    await expectTotalsAndCountersExact();
  });

  it('stay exact when a bulk writer dies between its batch writes and its release: the next holder completes its intent, once', async () => {
    const nips = Array.from({ length: 8 }, (_, index) => nipFor(260 + index));
    for (const [index, nip] of nips.entries()) await putEmployee(nip, employee(index), undefined, actor());
    const rows = nips.flatMap((nip, index) => [1, 2, 3].map((n) => ({ nip, title: `Gelombang ${n}`, provider: 'BPSDM', method: 'CLASSICAL' as const, startsOn: '2026-05-05', endsOn: '2026-05-06', hours: n + index * 0.25, certificateNumber: `G-${index}-${n}` })));
    const context = { ...actor(), importId: 'import-crash-test' };
    const death = dieAtRelease();
    const first = await addRosterTrainings(rows, context);
    death.remove();
    expect(new Set(first.map((outcome) => outcome.kind))).toEqual(new Set(['rejected']));
    const locks = await partition('TOTALS-LOCK#2026');
    expect(locks.length).toBeGreaterThan(0);
    expect(locks.every((lock) => lock.intent)).toBe(true);

    // The same chunk again, once the dead writer's lease is over: its intent is completed first, and every row counts as imported once.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + LOCK_LEASE_MS + 60_000);
    try {
      const again = await addRosterTrainings(rows, context);
      expect(new Set(again.map((outcome) => outcome.kind))).toEqual(new Set(['imported']));
    } finally {
      vi.useRealTimers();
    }
    expect(await partition('TOTALS-LOCK#2026')).toEqual([]);
    await expectTotalsAndCountersExact();
  });

  it('opens a year with a zero total for every employee, once, so that the UNMET report and the summary list them', async () => {
    const unit = 'Kecamatan Gambir';
    const nips = [nipFor(300), nipFor(301), nipFor(302)];
    for (const nip of nips) await putEmployee(nip, employee(0, { unit }), undefined, actor());
    await addTraining(nips[0]!, course('Awal tahun', '2031-01-10', 45), actor());
    const opened = await openYear(2031);
    expect(opened.opened).toBeGreaterThanOrEqual(2);
    expect((await openYear(2031)).opened).toBe(0);
    const unmet = await complianceReport({ year: 2031, unit, status: 'UNMET', limit: 10 }, new Date());
    expect(unmet.items.map((row) => row.nip).sort()).toEqual(nips.slice(1).sort());
    const met = await complianceReport({ year: 2031, unit, status: 'MET', limit: 10 }, new Date());
    expect(met.items).toEqual([expect.objectContaining({ nip: nips[0], name: 'Pegawai 0', unit, hours: 45, targetHours: 40, remainingHours: 0, compliant: true })]);
    const summary = await complianceSummary({ year: 2031, limit: 100 }, new Date('2031-07-02T05:00:00Z'));
    expect(summary.pace).toEqual({ asOf: '2031-07-02', hours: 20.05, farBehindBelow: 10.03 });
    expect(summary.items).toContainEqual({ unit, employees: 3, met: 1, unmet: 2, rate: 0.33, onPace: 0, behind: 0, farBehind: 2 });
    await expectTotalsAndCountersExact();
  });

  it("reads each band of the unit page as its own key range: NONE, PARTIAL, UNMET and MET meet at a quarter hour and at the target", async () => {
    const unit = 'Kota Adm. Jakarta Barat';
    const hoursByNip = new Map([[nipFor(310), 0], [nipFor(311), 0.25], [nipFor(312), 39.75], [nipFor(313), 40]]);
    for (const [index, [nip, hours]] of [...hoursByNip].entries()) {
      await putEmployee(nip, employee(index, { unit }), undefined, actor());
      if (hours) await addTraining(nip, course('Batas pita', '2032-03-02', hours, { startsOn: '2032-03-01' }), actor());
    }
    await openYear(2032);
    const band = async (status: 'NONE' | 'PARTIAL' | 'UNMET' | 'MET') => (await complianceReport({ year: 2032, unit, status, limit: 10 }, new Date())).items.map((row) => row.hours);
    await expect(band('NONE')).resolves.toEqual([0]);
    await expect(band('PARTIAL')).resolves.toEqual([0.25, 39.75]);
    await expect(band('UNMET')).resolves.toEqual([0, 0.25, 39.75]);
    await expect(band('MET')).resolves.toEqual([40]);
  });

  it('pages the summary by unit', async () => {
    const units = ['Unit Halaman A', 'Unit Halaman B', 'Unit Halaman C'];
    for (const [index, unit] of units.entries()) await putEmployee(nipFor(400 + index), employee(index, { unit }), undefined, actor());
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await complianceSummary({ year: 2026, limit: 2, ...(cursor ? { cursor } : {}) }, new Date());
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.unit));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining(units));
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('employees', () => {
  it('are found by the start of their name, case and accents aside', async () => {
    await putEmployee(nipFor(500), employee(0, { name: 'Siti Rahmawati' }), undefined, actor());
    await putEmployee(nipFor(501), employee(1, { name: 'Sitì Nurhaliza' }), undefined, actor());
    await putEmployee(nipFor(502), employee(0, { name: 'Sutrisno' }), undefined, actor());
    const found = await listEmployees({ name: 'SIT', limit: 10 });
    expect(found.items.map((item) => item.name)).toEqual(['Sitì Nurhaliza', 'Siti Rahmawati']);
    expect((await listEmployees({ name: 'siti r', limit: 10 })).items.map((item) => item.name)).toEqual(['Siti Rahmawati']);
    expect((await listEmployees({ name: 'sit', unit: 'Dinas Kesehatan', limit: 10 })).items.map((item) => item.name)).toEqual(['Sitì Nurhaliza']);
    await expect(listEmployees({ name: 's', limit: 10 })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('are found by the start of any later word of their name, once, within their unit; a rename or a move follows', async () => {
    const names = async (name: string, unit?: string) => (await listEmployees({ name, limit: 10, ...(unit ? { unit } : {}) })).items.map((item) => item.name);
    await putEmployee(nipFor(510), employee(0, { name: 'Dr. H. Ahmad Rahmat' }), undefined, actor());
    await putEmployee(nipFor(511), employee(1, { name: 'Sri Sri Rahayu' }), undefined, actor());
    expect(await names('rahmat')).toEqual(['Dr. H. Ahmad Rahmat']);
    expect(await names('AHMAD r')).toEqual(['Dr. H. Ahmad Rahmat']);
    expect(await names('sri')).toEqual(['Sri Sri Rahayu']);
    expect(await names('raha')).toEqual(['Sri Sri Rahayu']);
    expect(await names('rahayu', 'Dinas Kesehatan')).toEqual(['Sri Sri Rahayu']);
    expect(await names('rahayu', 'Dinas Pendidikan')).toEqual([]);
    await putEmployee(nipFor(510), employee(0, { name: 'Dr. H. Ahmad Fauzi' }), 'any', actor());
    expect(await names('rahmat')).toEqual([]);
    expect(await names('fauzi')).toEqual(['Dr. H. Ahmad Fauzi']);
    await putEmployee(nipFor(511), employee(0, { name: 'Sri Sri Rahayu' }), 'any', actor());
    expect(await names('rahayu', 'Dinas Pendidikan')).toEqual(['Sri Sri Rahayu']);
    expect(await names('rahayu', 'Dinas Kesehatan')).toEqual([]);
    // Only the later words have items of their own, and the words that went are gone.
    const items = await partition(`EMPLOYEE#${nipFor(510)}`);
    expect(items.filter((item) => item.entity === 'EMPLOYEE_NAME').map((item) => item.SK).sort()).toEqual(['NAME#ahmad fauzi', 'NAME#fauzi']);
  });

  it('are paged by name search without an empty page or a repeat, entries passed over or not', async () => {
    for (const [index, name] of ['Muhammad Mubarak', 'Muhammad Mukti', 'Muhammad Munir'].entries()) await putEmployee(nipFor(530 + index), employee(index, { name }), undefined, actor());
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await listEmployees({ name: 'mu', limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(page.items.map((item) => item.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.flat().sort()).toEqual(['Muhammad Mubarak', 'Muhammad Mukti', 'Muhammad Munir']);
    expect(pages.every((page) => page.length > 0)).toBe(true);
  });

  it('stored before names were indexed by their later words, are found by them after the backfill, which can run again', async () => {
    // An employee as an earlier version stored them: the profile alone.
    const nip = nipFor(520);
    await db().send(new PutCommand({ TableName: tableName(), Item: employeeItem({ nip, ...employee(1, { name: 'Lama Tersimpan Sekali' }), version: 1, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' }, 0) }));
    expect((await listEmployees({ name: 'tersimpan', limit: 10 })).items).toEqual([]);
    const first = await backfillLaterNameWords();
    expect(first.indexed).toBeGreaterThan(0);
    expect((await listEmployees({ name: 'tersimpan', limit: 10 })).items.map((item) => item.nip)).toEqual([nip]);
    expect(await backfillLaterNameWords()).toEqual(first);
    expect(first.changedMeanwhile).toBe(0);
    expect((await listEmployees({ name: 'sekali', limit: 10 })).items.map((item) => item.nip)).toEqual([nip]);
  });

  it('are upserted from a roster: created, unchanged as duplicates, updated with their totals moved', async () => {
    const nip = nipFor(600);
    const entry = { nip, ...employee(0, { name: 'Rina Wijaya' }) };
    expect(await upsertEmployees([entry], actor())).toEqual([{ kind: 'imported' }]);
    await addTraining(nip, course('Dasar', '2026-04-04', 8), actor());
    expect(await upsertEmployees([entry], actor())).toEqual([{ kind: 'duplicate' }]);
    expect(await upsertEmployees([{ ...entry, unit: 'Dinas Sosial' }], actor())).toEqual([{ kind: 'imported' }]);
    await expectTotalsAndCountersExact();
    const report = await complianceReport({ year: 2026, unit: 'Dinas Sosial', limit: 10 }, new Date());
    expect(report.items.map((row) => [row.nip, row.hours])).toEqual([[nip, 8]]);
  });
});
