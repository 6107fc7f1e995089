import { toItem } from '../shared/agreements/repository.ts';
import type { AgreementRecord } from '../shared/agreements/rules.ts';
import { agreementStatistics } from '../shared/agreements/statistics.ts';
import { batchWriteAll } from './support/bulk.ts';
import { config } from './support/config.ts';
import type { BenchEngine } from './support/engine.ts';
import { count, markdownTable, ms, times, units } from './support/format.ts';
import { metered } from './support/instrument.ts';
import { figure, type Section } from './support/report.ts';
import { median, since } from './support/stats.ts';

/**
 * 7. Yearly statistics: `GET /agreements/statistics` reads the registry partition once (no
 * counters). Its read capacity and time are measured on a registry of `agreements`, then again
 * after every agreement has gained audit entries, search words and linked training records:
 * the cost must not move, since none of those is in the registry partition.
 */
const AUDIT_PER_AGREEMENT = 20;
const TRAININGS_PER_AGREEMENT = 20;
const NOW = new Date('2026-11-30T03:00:00Z');

function agreement(index: number): AgreementRecord {
  const year = 2015 + (index % 12);
  const startsOn = `${year}-${String(1 + (index % 12)).padStart(2, '0')}-01`;
  return {
    id: `bench-stat-${index}`,
    title: `Kesepakatan Bersama Statistik ${index}`,
    kind: index % 5 === 0 ? 'SISTER_CITY' : 'MOU',
    number: `ST/${index}`,
    partners: [{ name: `Mitra ${index % 300}`, category: index % 3 ? 'CITY' : 'FOREIGN_GOVERNMENT', country: index % 3 ? 'ID' : 'JP' }],
    fields: ['pendidikan', `bidang ${index % 20}`],
    signedOn: startsOn,
    startsOn,
    endsOn: `${year + 5}-12-31`,
    ownerUnit: 'Biro Kerja Sama Daerah',
    contactEmails: ['kerjasama@jakarta.go.id'],
    notes: 'Catatan rapat koordinasi. '.repeat(20),
    lifecycle: 'OPEN',
    version: AUDIT_PER_AGREEMENT,
    createdAt: `${startsOn}T01:00:00.000Z`,
    updatedAt: `${startsOn}T01:00:00.000Z`,
    createdBy: 'bench',
    updatedBy: 'bench',
  };
}

/** What grows around an agreement without touching the registry: its audit trail, its search words, trainings linked to it. */
function surroundings(record: AgreementRecord): Record<string, unknown>[] {
  const audit = Array.from({ length: AUDIT_PER_AGREEMENT }, (_, version) => ({
    PK: `AGREEMENT#${record.id}`,
    SK: `AUDIT#${String(version + 1).padStart(9, '0')}`,
    entity: 'AUDIT',
    version: version + 1,
    changes: [{ field: 'notes', from: 'a', to: 'b' }],
  }));
  const trainings = Array.from({ length: TRAININGS_PER_AGREEMENT }, (_, index) => ({
    PK: `EMPLOYEE#bench-${record.id}-${index}`,
    SK: `TRAINING#2026#2026-06-01-${index}`,
    entity: 'TRAINING',
    hours: 8,
    GSI3PK: `LINKED#${record.id}`,
    GSI3SK: `2026-06-01#${index}`,
  }));
  return [...audit, ...trainings];
}

async function measure(): Promise<{ capacityUnits: number; calls: number; milliseconds: number; signed: number }> {
  const runs: number[] = [];
  let first: { capacityUnits: number; calls: number; signed: number } | undefined;
  for (let run = 0; run < config.sweepRepeats; run += 1) {
    const start = performance.now();
    const { result, capacityUnits, calls } = await metered(() => agreementStatistics({ year: 2024 }, NOW));
    runs.push(since(start));
    first ??= { capacityUnits, calls, signed: result.signed.total };
  }
  return { ...first!, milliseconds: median(runs) };
}

export async function statisticsSection(engine: BenchEngine, log: (line: string) => void): Promise<Section> {
  await engine.useTable('bench-statistics');
  const agreements = config.baseAgreements;
  const records = Array.from({ length: agreements }, (_, index) => agreement(index));
  await batchWriteAll(records.map(toItem), config.writeConcurrency, engine.loader);
  log(`   ${count(agreements)} agreements loaded`);
  const bare = await measure();
  const extra = records.flatMap(surroundings);
  await batchWriteAll(extra, config.writeConcurrency, engine.loader);
  log(`   ${count(extra.length)} audit and linked training items added`);
  const grown = await measure();
  const growth = grown.capacityUnits / bare.capacityUnits;
  return {
    title: '7. Yearly statistics (one read of the registry partition)',
    figures: [
      figure(
        `Statistics of a year, ${count(agreements)} agreements, read capacity after ${count(extra.length)} audit and training items vs before`,
        `${times(growth)} (${units(grown.capacityUnits)} vs ${units(bare.capacityUnits)})`,
        '1.00x (does not grow)',
        grown.capacityUnits <= bare.capacityUnits,
      ),
      figure(`Statistics of a year, ${count(agreements)} agreements: time (median)`, `${ms(grown.milliseconds)} (before the extra items ${ms(bare.milliseconds)})`),
    ],
    details: [
      markdownTable(
        ['Table', 'Items', 'Read capacity', 'Queries', 'Median time'],
        [
          ['registry only', count(agreements), units(bare.capacityUnits), String(bare.calls), ms(bare.milliseconds)],
          [`+ ${AUDIT_PER_AGREEMENT} audit entries and ${TRAININGS_PER_AGREEMENT} linked trainings each`, count(agreements + extra.length), units(grown.capacityUnits), String(grown.calls), ms(grown.milliseconds)],
        ],
      ),
      `Each agreement item is ~1.3 KB (with a 500-character note); the read costs about ${units(bare.capacityUnits / (agreements / 1000))} per 1,000 agreements, whatever the period asked. Counters kept on write would read a handful of items instead, but could not follow the calendar ("active at the end of the year", "expired without renewal" change with no write).`,
    ],
  };
}
