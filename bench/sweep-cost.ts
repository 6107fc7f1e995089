import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { expiringAgreements } from '../shared/agreements/service.ts';
import { db, tableName } from '../shared/db/client.ts';
import { complianceReport, complianceSummary } from '../shared/training/service/compliance.ts';
import { config } from './support/config.ts';
import { count, markdownTable, ms, percent, units } from './support/format.ts';
import { metered } from './support/instrument.ts';
import { figure, type Section } from './support/report.ts';
import { median, since } from './support/stats.ts';

/**
 * 3. Sweep cost: the read capacity that DynamoDB reports (ReturnConsumedCapacity, summed by the
 * bench middleware on `db()`) for the expiring-agreements read and a unit's compliance report,
 * next to a full Scan of the same table. The reads are the services' own functions, paged to the end.
 */
export interface ReadCost {
  capacityUnits: number;
  calls: number;
  /** Items the read returned (for a Scan: items read). */
  items: number;
  /** Median wall time over config.sweepRepeats runs. */
  milliseconds: number;
}

/** Runs `read` a few times: capacity from the first run (it is the same every time), median time. */
async function measureRead(read: () => Promise<number>): Promise<ReadCost> {
  const times: number[] = [];
  let first: { capacityUnits: number; calls: number; items: number } | undefined;
  for (let run = 0; run < config.sweepRepeats; run += 1) {
    const start = performance.now();
    const { result, capacityUnits, calls } = await metered(read);
    times.push(since(start));
    first ??= { capacityUnits, calls, items: result };
  }
  return { ...first!, milliseconds: median(times) };
}

/** Every page of `expiringAgreements({ withinDays: 180, limit: 100 })`, as a daily sweep would read it. */
export function expiringSweepCost(now: Date): Promise<ReadCost> {
  return measureRead(async () => {
    let items = 0;
    let cursor: string | undefined;
    do {
      const page = await expiringAgreements({ withinDays: config.sweepWindowDays, limit: 100, ...(cursor ? { cursor } : {}) }, now);
      items += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  });
}

/** Every page of one unit's report of employees below the target. */
export function complianceReportCost(unit: string, year: number, now: Date): Promise<ReadCost> {
  return measureRead(async () => {
    let items = 0;
    let cursor: string | undefined;
    do {
      const page = await complianceReport({ year, unit, status: 'UNMET', limit: 100, ...(cursor ? { cursor } : {}) }, now);
      items += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  });
}

/** Every page of the compliance summary (per-unit counters), as the console's compliance page reads it. */
export function complianceSummaryCost(year: number): Promise<ReadCost> {
  return measureRead(async () => {
    let items = 0;
    let cursor: string | undefined;
    do {
      const page = await complianceSummary({ year, limit: 100, ...(cursor ? { cursor } : {}) }, new Date());
      items += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  });
}

/**
 * DynamoDB Local answers each page of a sequential Scan by reading the rest of the table again
 * (194 s for 100,000 items, pages slowing toward the start), so the baseline is a parallel Scan:
 * the same items read once each, hence the same capacity up to per-page rounding, in seconds.
 */
const SCAN_SEGMENTS = 16;

/** The baseline: a full Scan of the current table (no function is granted Scan; this is the bench). */
export async function scanCost(segments = SCAN_SEGMENTS): Promise<ReadCost> {
  const start = performance.now();
  const { result, capacityUnits, calls } = await metered(async () => {
    const counts = await Promise.all(
      Array.from({ length: segments }, async (_, segment) => {
        let items = 0;
        let from: ScanCommandOutput['LastEvaluatedKey'];
        do {
          const page: ScanCommandOutput = await db().send(
            new ScanCommand({ TableName: tableName(), ExclusiveStartKey: from, ...(segments > 1 ? { Segment: segment, TotalSegments: segments } : {}) }),
          );
          items += page.Count ?? 0;
          from = page.LastEvaluatedKey;
        } while (from);
        return items;
      }),
    );
    return counts.reduce((sum, count) => sum + count, 0);
  });
  return { capacityUnits, calls, items: result, milliseconds: since(start) };
}

export interface SweepMeasurement {
  agreements: number;
  due: number;
  expiring: ReadCost;
  agreementScan: ReadCost;
  employees: number;
  unitEmployees: number;
  compliance: ReadCost;
  summary: ReadCost;
  employeeScan: ReadCost;
}

const MAX_SHARE = 0.01;

/** Section 3 from the largest size of the growth run (the 100,000 agreements, 60,000 employees). */
export function sweepSection(largest: SweepMeasurement): Section {
  const expiringShare = largest.expiring.capacityUnits / largest.agreementScan.capacityUnits;
  const complianceShare = largest.compliance.capacityUnits / largest.employeeScan.capacityUnits;
  const row = (name: string, cost: ReadCost) => [name, units(cost.capacityUnits), count(cost.calls), count(cost.items), ms(cost.milliseconds)];
  return {
    title: `3. Sweep cost (read capacity vs a full Scan; ${count(largest.agreements)} agreements, ${count(largest.employees)} employees)`,
    figures: [
      figure(
        `Expiring read (${config.sweepWindowDays} days, all pages) / Scan, ${count(largest.due)} of ${count(largest.agreements)} due`,
        `${percent(100 * expiringShare)} (${units(largest.expiring.capacityUnits)} vs ${units(largest.agreementScan.capacityUnits)}; ${count(largest.expiring.items)} returned)`,
        '< 1%',
        expiringShare < MAX_SHARE && largest.expiring.items === largest.due,
      ),
      figure(
        `Compliance report of one unit (UNMET, all pages) / Scan, ${count(largest.unitEmployees)} employees in the unit`,
        `${percent(100 * complianceShare)} (${units(largest.compliance.capacityUnits)} vs ${units(largest.employeeScan.capacityUnits)}; ${count(largest.compliance.items)} returned)`,
        '< 1%',
        complianceShare < MAX_SHARE,
      ),
    ],
    details: [
      markdownTable(['Read', 'Capacity', 'Calls', 'Items returned (Scan: read)', 'Time (reads: median)'], [
        row('Expiring agreements, all pages', largest.expiring),
        row('Scan of the agreements table', largest.agreementScan),
        row('Compliance report of one unit, all pages', largest.compliance),
        row('Scan of the employees table', largest.employeeScan),
      ]),
      'Capacity is what DynamoDB Local reports with `ReturnConsumedCapacity: TOTAL`, added to every command by a bench-only middleware on `db()` and summed over the calls (arrays for batch calls); reads are eventually consistent unless the code asks otherwise, as on AWS. ' +
        `The Scans are parallel Scans of ${SCAN_SEGMENTS} segments (the same items and capacity as a sequential one, checked at the smaller sizes in section 5): DynamoDB Local re-reads the rest of the table for every page of a sequential Scan, which takes minutes at this size. ` +
        'Each table holds only the items of its dataset (agreements; employee profiles, yearly totals and units), which keeps the Scan baseline as small as it can be: a real table also holds audit entries, guards and training records, so real shares would be smaller. ' +
        `The compliance report (UNMET) is one key range of the unit's yearly totals indexed by hours (GSI2 \`HOURS#<year>#<unit>\`, keys below the target), so it reads the rows it returns, not the unit's ${count(largest.unitEmployees)} employees; ` +
        'the summary reads the per-unit hour histograms kept on write (a few items per unit), not the employees.',
    ],
  };
}
