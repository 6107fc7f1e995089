import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../shared/db/client.ts';
import { queryAll } from '../../shared/db/query.ts';
import { fileStore } from '../../shared/files/store.ts';
import { trainingsOfYear } from '../../shared/training/repository/records.ts';
import { getStoredEmployee } from '../../shared/training/repository/employees.ts';
import { getTotal } from '../../shared/training/repository/totals.ts';
import { importFileKey } from '../../shared/training/imports/roster-file.ts';
import { getImport } from '../../shared/training/imports/repository.ts';
import { importByUpload, readImport, rejectedRows } from '../../shared/training/imports/service.ts';
import { fileArrived, inProcess, processChunk, runChunk, runChunks, WorkerDied, type Dispatch } from '../../shared/training/imports/worker.ts';
import { parseRoster } from '../../shared/training/imports/roster.ts';
import { addTraining } from '../../shared/training/service/records.ts';

const totalOf = async (nip: string, year: number) => (await getTotal(nip, year))?.hours ?? 0;
const getEmployee = async (nip: string) => (await getStoredEmployee(nip))?.employee;
import { putEmployee } from '../../shared/training/service/employees.ts';
import { useTestTable } from '../support/database.ts';
import { employeeBody, nipFor } from '../support/fixtures/employees.ts';

useTestTable();
const EMPLOYEES = 30;
const nips = Array.from({ length: EMPLOYEES }, (_, index) => nipFor(index));
const admin = { subject: 'admin-sub', now: new Date('2026-11-30T08:00:00Z') };
/** Rows per chunk here: a few chunks from a small roster (the product's is CHUNK_ROWS). */
const CHUNK = 70;

beforeAll(async () => {
  for (const nip of nips) await putEmployee(nip, employeeBody({ unit: 'Dinas Kesehatan' }) as never, undefined, admin);
});

/** 2.5 chunks of rows: each employee takes courses 0..n, with a few bad rows in between. */
function trainingRoster(courses: number, prefix = 'Kursus'): { csv: string; good: number; bad: number } {
  const lines = ['NIP;Judul;Penyelenggara;Metode;Tanggal Mulai;Tanggal Selesai;Jam'];
  let good = 0;
  let bad = 0;
  for (let course = 0; course < courses; course += 1) {
    for (const nip of nips) {
      if ((course * EMPLOYEES + lines.length) % 97 === 0) {
        lines.push(`1.98609E+17;${prefix} ${course};BPSDM;Klasikal;02/03/2026;03/03/2026;8`);
        bad += 1;
      } else {
        lines.push(`${nip};${prefix} ${course};BPSDM;${course % 2 ? 'Nonklasikal' : 'Klasikal'};02/03/2026;03/03/2026;${course % 3 ? '7,5' : '8'}`);
        good += 1;
      }
    }
  }
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, good, bad };
}

/** An import whose file is in the store, as after an upload: the file event is given by the test. */
async function stagedImport(csv: string): Promise<string> {
  const created = await importByUpload({ filename: 'roster.csv', size: Buffer.byteLength(csv) }, { subject: 'admin-sub', now: new Date() });
  await (await fileStore()).write(importFileKey(created.id), csv, 'text/csv');
  return created.id;
}

/** Every employee's total of 2026 equals the sum of their records, recomputed from the records. */
async function expectTotalsExact(): Promise<number> {
  let sum = 0;
  for (const nip of nips) {
    let recomputed = 0;
    for await (const page of queryAll(trainingsOfYear(nip, 2026))) for (const item of page) recomputed += item.hours as number;
    expect(await totalOf(nip, 2026), nip).toBe(recomputed);
    sum += recomputed;
  }
  return sum;
}

describe('background imports, chunk by chunk', () => {
  const roster = trainingRoster(6);

  it('a worker killed mid-chunk resumes: every count exact, nothing counted twice, totals equal to the records', async () => {
    expect(roster.good + roster.bad).toBeGreaterThan(2 * CHUNK);
    const id = await stagedImport(roster.csv);
    const dispatched: number[] = [];
    const collect: Dispatch = async (work) => void dispatched.push(...work.map((item) => item.chunk));
    await fileArrived(importFileKey(id), collect, CHUNK);
    expect(dispatched).toEqual([0, 1, 2]);
    expect(await readImport(id)).toMatchObject({ status: 'RUNNING', kind: 'trainings', rows: { total: roster.good + roster.bad, processed: 0 } });

    await runChunk({ importId: id, chunk: 0 });
    // The worker of chunk 1 dies after writing 100 of its rows; its message comes back.
    await expect(runChunk({ importId: id, chunk: 1 }, { dieAfterRows: 40 })).rejects.toThrow(WorkerDied);
    expect((await readImport(id)).rows.processed).toBe(CHUNK);
    await runChunk({ importId: id, chunk: 1 });
    // Chunk 0 delivered again, in one worker's batch with chunk 2: their checkpoints cannot go in
    // one transaction (chunk 0's is there), so each is recorded alone and chunk 0's counts once.
    await runChunks(id, [0, 2]);

    const done = await readImport(id);
    expect(done).toMatchObject({ status: 'DONE', rows: { total: roster.good + roster.bad, processed: roster.good + roster.bad, imported: roster.good, duplicates: 0, rejected: roster.bad } });
    expect(done.finishedAt).toBeDefined();
    expect(await expectTotalsExact()).toBe(roster.csv.split('\r\n').slice(1, -1).filter((line) => !line.startsWith('1.98609E+17')).reduce((sum, line) => sum + Number(line.split(';')[6]!.replace(',', '.')), 0));

    const csv = await rejectedRows(id, 'en');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('NIP;Judul;Penyelenggara;Metode;Tanggal Mulai;Tanggal Selesai;Jam;line;errors');
    expect(lines).toHaveLength(roster.bad + 1);
    expect(lines[1]).toMatch(/^1\.98609E\+17;Kursus \d+;BPSDM;Klasikal;02\/03\/2026;03\/03\/2026;8;\d+;"nip looks like a number Excel rounded .*format the NIP column as Text/);
  });

  it('a re-import of the same file counts every good row a duplicate and changes no total', async () => {
    const before = await expectTotalsExact();
    const id = await stagedImport(roster.csv);
    await fileArrived(importFileKey(id), inProcess, CHUNK);
    expect(await readImport(id)).toMatchObject({ status: 'DONE', rows: { imported: 0, duplicates: roster.good, rejected: roster.bad } });
    expect(await expectTotalsExact()).toBe(before);
  });

  it('keeps totals exact while API writes race the import on the same employees', async () => {
    const racing = trainingRoster(4, 'Bimtek');
    const id = await stagedImport(racing.csv);
    const apiWrites = nips.flatMap((nip, index) => [
      addTraining(nip, { title: `Rapat ${index}`, provider: 'Bappeda', method: 'CLASSICAL', startsOn: '2026-05-04', endsOn: '2026-05-04', hours: 3 }, admin),
      addTraining(nip, { title: 'Bimtek 1', provider: 'BPSDM', method: 'NON_CLASSICAL', startsOn: '2026-03-02', endsOn: '2026-03-03', hours: 7.5 }, admin).catch(() => 'duplicate'),
    ]);
    await Promise.all([fileArrived(importFileKey(id), inProcess, CHUNK), ...apiWrites]);
    const done = await readImport(id);
    expect(done.status).toBe('DONE');
    expect(done.rows.imported + done.rows.duplicates).toBe(racing.good);
    expect(done.rows.rejected).toBe(racing.bad);
    await expectTotalsExact();
  });

  it('runs a call again after a passing failure, as SQS delivers a message again: DONE, every count once', async () => {
    const roster = trainingRoster(2, 'Ulang');
    const id = await stagedImport(roster.csv);
    // The first checkpoint transaction times out (a busy engine), after the call's rows were written.
    let failures = 0;
    const name = 'checkpoint-timeout';
    db().middlewareStack.add(
      (next, context) => async (args) => {
        const items = (args.input as { TransactItems?: { Put?: { Item?: { SK?: string } } }[] }).TransactItems ?? [];
        if (context.commandName === 'TransactWriteItemsCommand' && failures === 0 && items.some((item) => item.Put?.Item?.SK?.startsWith('CHUNK#'))) {
          failures += 1;
          throw Object.assign(new Error('the request socket did not establish a connection in time'), { name: 'TimeoutError' });
        }
        return next(args);
      },
      { step: 'initialize', name },
    );
    try {
      await fileArrived(importFileKey(id), inProcess, CHUNK);
    } finally {
      db().middlewareStack.remove(name);
    }
    expect(failures).toBe(1);
    expect(await readImport(id)).toMatchObject({ status: 'DONE', rows: { imported: roster.good, duplicates: 0, rejected: roster.bad } });
    await expectTotalsExact();
  });

  it('fails an import whose file has an unusable header, saying why', async () => {
    const id = await stagedImport('nip;catatan\r\n1;2\r\n');
    await fileArrived(importFileKey(id), inProcess, CHUNK);
    expect(await readImport(id)).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/header .*unknown column "catatan"/) });
  });
});

describe('employee rosters', () => {
  const newcomers = Array.from({ length: 6 }, (_, index) => nipFor(1_000 + index));
  const roster = [
    'NIP,Nama,Unit Kerja,Jabatan,Email,Email Atasan',
    ...newcomers.map((nip, index) => `${nip},Pegawai ${index},Dinas Pendidikan,Guru,pegawai${index}@jakarta.go.id,kepala@jakarta.go.id`),
    `${nips[0]},Budi Santoso,Dinas Kesehatan,Kepala Seksi,budi.santoso@jakarta.go.id,`,
    `${nips[1]},Budi Santoso,Dinas Kesehatan,Analis Kebijakan,budi.santoso@jakarta.go.id,`,
    `198609262015051000,Salah Format,Dinas Pendidikan,Guru,salah@jakarta.go.id,`,
  ].join('\n');

  it('creates or updates each employee, resumes after a crash without counting twice, and a re-import is all duplicates', async () => {
    const id = await stagedImport(roster);
    await fileArrived(importFileKey(id), async () => undefined);
    const record = (await getImport(id))!;
    await expect(processChunk(record, 0, parseRoster(roster, 'employees'), { dieAfterRows: 4 })).rejects.toThrow(WorkerDied);
    await runChunk({ importId: id, chunk: 0 });
    expect(await readImport(id)).toMatchObject({ kind: 'employees', status: 'DONE', rows: { total: 9, processed: 9, imported: 7, duplicates: 1, rejected: 1 } });
    expect(await getEmployee(newcomers[2]!)).toMatchObject({ name: 'Pegawai 2', unit: 'Dinas Pendidikan', supervisorEmail: 'kepala@jakarta.go.id', version: 1 });
    expect(await getEmployee(nips[0]!)).toMatchObject({ position: 'Kepala Seksi', version: 2 });

    const again = await stagedImport(roster);
    await fileArrived(importFileKey(again), inProcess, CHUNK);
    expect(await readImport(again)).toMatchObject({ status: 'DONE', rows: { imported: 0, duplicates: 8, rejected: 1 } });
  });

  it('never loses an update made while the import runs: the row is applied on top of it', async () => {
    const nip = nips[2]!;
    const id = await stagedImport(`nip,name,unit,position,email\n${nip},Budi Santoso,Dinas Kesehatan,Pranata Komputer,budi.santoso@jakarta.go.id\n`);
    const racing = async () => {
      const stored = (await getEmployee(nip))!;
      await putEmployee(nip, { ...employeeBody({ unit: 'Dinas Kesehatan' }), supervisorEmail: 'atasan@jakarta.go.id' } as never, stored.version, admin).catch(() => undefined);
    };
    await Promise.all([fileArrived(importFileKey(id), inProcess, CHUNK), racing()]);
    const stored = (await getEmployee(nip))!;
    expect(stored.position).toBe('Pranata Komputer');
    expect(await readImport(id)).toMatchObject({ status: 'DONE', rows: { imported: 1 } });
  });
});
