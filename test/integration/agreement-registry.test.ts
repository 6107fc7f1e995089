import { describe, expect, it } from 'vitest';
import { createAgreementSchema, type Agreement } from '../../shared/agreements/schemas.ts';
import { searchAgreements } from '../../shared/agreements/search.ts';
import { agreementHistory, createAgreement, dormantAgreements, expiringAgreements, listAgreements, updateAgreement } from '../../shared/agreements/service.ts';
import { agreementStatistics } from '../../shared/agreements/statistics.ts';
import { restoreAgreement, withdrawAgreement } from '../../shared/agreements/withdrawal.ts';
import { allDormant } from '../../shared/alerts/dormant.ts';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { agreementKey } from '../../shared/agreements/repository.ts';
import { db, tableName } from '../../shared/db/client.ts';
import { ConflictError } from '../../shared/errors.ts';
import { parseInput } from '../../shared/validation.ts';
import { useTestTable } from '../support/database.ts';
import { agreementBody } from '../support/fixtures/agreements.ts';

/** One timeline in 2030; every agreement here starts in 2030 or later, away from other files' dates. */
useTestTable();
const NOW = '2030-06-01T03:00:00Z';
const actor = { subject: 'registry-tester', now: new Date(NOW) };
const input = (overrides: Record<string, unknown>) => parseInput(createAgreementSchema, agreementBody({ startsOn: '2030-01-01', endsOn: '2031-12-31', ...overrides }));
const create = async (overrides: Record<string, unknown>) => (await createAgreement(input(overrides), actor)).agreement;
const ids = (items: readonly Pick<Agreement, 'id'>[]) => items.map((item) => item.id);

async function everySearchHit(q: string, limit: number): Promise<string[]> {
  const found: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await searchAgreements({ q, limit, ...(cursor ? { cursor } : {}) }, new Date(NOW));
    found.push(...ids(page.items));
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

describe('search', () => {
  it('finds by word starts of the title and of the number, ignoring case and accents', async () => {
    const a = await create({ title: 'Kerja Sama Pendidikan Kepemimpinan', number: 'SRCH/001/2030', partners: [{ name: 'Mitra Cari A', category: 'OTHER' }] });
    const b = await create({ title: 'Pengembangan Pariwisata Pesisir', number: 'SRCH/002/2030', partners: [{ name: 'Mitra Cari B', category: 'OTHER' }] });
    expect(await everySearchHit('PENDIDIKÁN', 25)).toEqual([a.id]);
    expect(await everySearchHit('srch/002', 25)).toEqual([b.id]);
    expect((await everySearchHit('srch', 25)).sort()).toEqual([a.id, b.id].sort());
    expect(await everySearchHit('srch kepemim', 25)).toEqual([a.id]);
    expect(await everySearchHit('tidakadakatanya', 25)).toEqual([]);
  });

  it('returns each agreement once across pages, even when several of its words match', async () => {
    const created = [];
    for (let index = 0; index < 5; index += 1) created.push((await create({ title: `Pelatihan Pegawai Pemerintah ${index}`, partners: [{ name: `Mitra Halaman ${index}`, category: 'OTHER' }] })).id);
    const found = await everySearchHit('pe', 2);
    expect(new Set(found).size).toBe(found.length);
    expect(found).toEqual(expect.arrayContaining(created));
  });

  it('follows a changed title', async () => {
    const agreement = await create({ title: 'Judul Lama Sekali', partners: [{ name: 'Mitra Judul', category: 'OTHER' }] });
    await updateAgreement(agreement.id, { title: 'Judul Baru Sekali' }, 1, actor);
    expect(await everySearchHit('lama', 25)).not.toContain(agreement.id);
    expect(await everySearchHit('baru sekali', 25)).toEqual([agreement.id]);
  });
});

describe('withdrawal', () => {
  it('hides an entry from lists, search, expiry, dormancy and statistics, frees its number, and restores it', async () => {
    const agreement = await create({ title: 'Entri Keliru Ganda', number: 'WD/001', startsOn: '2029-01-01', endsOn: '2030-06-20', partners: [{ name: 'Mitra Keliru', category: 'OTHER' }] });
    const before = await agreementStatistics({ year: 2029 }, new Date(NOW));
    const withdrawn = await withdrawAgreement(agreement.id, 'Dicatat dua kali', 1, actor);
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', withdrawal: { by: 'registry-tester', reason: 'Dicatat dua kali' }, version: 2 });

    const listed = await listAgreements({ limit: 100 }, new Date(NOW));
    expect(ids(listed.items)).not.toContain(agreement.id);
    expect(ids((await listAgreements({ status: 'WITHDRAWN', limit: 100 }, new Date(NOW))).items)).toEqual([agreement.id]);
    expect(await everySearchHit('keliru', 25)).toEqual([]);
    expect(ids((await expiringAgreements({ withinDays: 30, limit: 100 }, new Date(NOW))).items)).not.toContain(agreement.id);
    const dormant = [];
    for await (const page of allDormant('2030-06-01', 30)) dormant.push(...page);
    expect(ids(dormant)).not.toContain(agreement.id);
    expect((await agreementStatistics({ year: 2029 }, new Date(NOW))).signed.total).toBe(before.signed.total - 1);

    // The number is free for the right entry, so the restoration cannot take it back.
    const right = await create({ number: 'WD/001', partners: [{ name: 'Mitra Benar', category: 'OTHER' }] });
    await expect(restoreAgreement(agreement.id, 2, actor)).rejects.toBeInstanceOf(ConflictError);
    await updateAgreement(right.id, { number: 'WD/002' }, 1, actor);
    const restored = await restoreAgreement(agreement.id, 2, actor);
    expect(restored.status).toBe('ACTIVE');
    expect(restored.withdrawal).toBeUndefined();
    expect(await everySearchHit('keliru', 25)).toEqual([agreement.id]);
    await expect(updateAgreement(right.id, { number: 'WD/001' }, 2, actor)).rejects.toBeInstanceOf(ConflictError);

    const history = await agreementHistory(agreement.id, { limit: 10 });
    expect(history.items.map((entry) => entry.action)).toEqual(['CREATED', 'WITHDRAWN', 'RESTORED']);
    expect(history.items[1]!.changes).toEqual([{ field: 'withdrawal', to: expect.objectContaining({ reason: 'Dicatat dua kali' }), text: 'withdrawal: Dicatat dua kali' }]);
  });

  it('refuses changes to a withdrawn entry, and a second withdrawal', async () => {
    const agreement = await create({ partners: [{ name: 'Mitra Beku', category: 'OTHER' }] });
    await withdrawAgreement(agreement.id, 'Salah mitra', 'any', actor);
    await expect(updateAgreement(agreement.id, { notes: 'x' }, 2, actor)).rejects.toBeInstanceOf(ConflictError);
    await expect(withdrawAgreement(agreement.id, 'Lagi', 'any', actor)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('likely duplicates', () => {
  it('warn at creation about an open agreement with the same partner and kind over overlapping dates', async () => {
    const partners = [{ name: 'Pemerintah Kota Duplikat', category: 'CITY' }];
    const first = await create({ partners, startsOn: '2030-01-01', endsOn: '2032-12-31' });
    const second = await createAgreement(input({ partners: [{ name: 'pemerintah kota  DUPLIKAT', category: 'CITY' }], startsOn: '2032-06-01', endsOn: '2034-12-31' }), actor);
    expect(second.agreement.warnings).toEqual([{ path: 'partners', message: expect.stringContaining(first.id) }]);
    const later = await createAgreement(input({ partners, startsOn: '2035-01-01', endsOn: '2036-12-31' }), actor);
    expect(later.agreement.warnings).toBeUndefined();
  });
});

describe('history', () => {
  it('shows a creation as the created values, without bookkeeping', async () => {
    const agreement = await create({ title: 'Riwayat Bersih', partners: [{ name: 'Mitra Riwayat', category: 'OTHER' }] });
    const [created] = (await agreementHistory(agreement.id, { limit: 10 })).items;
    const fields = created!.changes.map((change) => change.field);
    expect(fields).toContain('title');
    expect(fields.filter((field) => ['id', 'createdAt', 'createdBy', 'updatedAt', 'version'].includes(field))).toEqual([]);
    expect(created!.changes.find((change) => change.field === 'title')!.text).toBe('title: Riwayat Bersih');
  });
});

describe('the dormant list and the owner unit filter', () => {
  it('lists by the rule the weekly job uses, page after page', async () => {
    const unit = 'Dinas Tidur Panjang';
    const sleeping = [];
    for (let index = 0; index < 3; index += 1) sleeping.push((await create({ ownerUnit: unit, startsOn: '2030-01-01', partners: [{ name: `Mitra Tidur ${index}`, category: 'OTHER' }] })).id);
    const listed: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await dormantAgreements({ days: 90, limit: 1, ...(cursor ? { cursor } : {}) }, new Date(NOW));
      listed.push(...ids(page.items));
      cursor = page.nextCursor;
    } while (cursor);
    const fromJob = [];
    for await (const page of allDormant('2030-06-01', 90)) fromJob.push(...ids(page));
    expect(listed).toEqual(fromJob);
    expect(listed).toEqual(expect.arrayContaining(sleeping));
    const byUnit = await listAgreements({ ownerUnit: ' dinas  tidur PANJANG', limit: 100 }, new Date(NOW));
    expect(ids(byUnit.items).sort()).toEqual([...sleeping].sort());
  });
});

describe('the owner unit filter on items written before unitKey', () => {
  it('matches them on the unit as written', async () => {
    const agreement = await create({ ownerUnit: 'Dinas Lama Sekali', partners: [{ name: 'Mitra Lama', category: 'OTHER' }] });
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: agreementKey(agreement.id) }));
    const { unitKey, ...older } = Item!;
    expect(unitKey).toBe('dinas lama sekali');
    await db().send(new PutCommand({ TableName: tableName(), Item: older }));
    expect(ids((await listAgreements({ ownerUnit: 'Dinas Lama Sekali', limit: 100 }, new Date(NOW))).items)).toEqual([agreement.id]);
  });
});

describe('statistics', () => {
  it('reads the registry partition only: audit and search items are not read', async () => {
    const read: string[] = [];
    const name = 'count-statistics-reads';
    db().middlewareStack.add(
      (next) => async (args) => {
        const output = await next(args);
        const items = ((output.output as { Items?: Record<string, unknown>[] } | undefined)?.Items ?? []).map((item) => String(item.SK));
        read.push(...items);
        return output;
      },
      { step: 'initialize', name },
    );
    try {
      await agreementStatistics({ year: 2030 }, new Date(NOW));
    } finally {
      db().middlewareStack.remove(name);
    }
    expect(read.length).toBeGreaterThan(0);
    expect(new Set(read)).toEqual(new Set(['AGREEMENT']));
  });
});
