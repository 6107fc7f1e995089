import { describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/db/client.ts';
import { addRoster, putParticipant, removeParticipant } from '../../shared/training/programs/participants.ts';
import { createProgram, readProgram } from '../../shared/training/programs/service.ts';
import { putEmployee } from '../../shared/training/service/employees.ts';
import { getTotal } from '../../shared/training/repository/totals.ts';

const totalOf = async (nip: string, year: number) => (await getTotal(nip, year))?.hours ?? 0;
import { useTestTable } from '../support/database.ts';
import { employeeBody, nipFor } from '../support/fixtures/employees.ts';

useTestTable();
const actor = () => ({ subject: 'integration', now: new Date('2026-11-30T03:00:00Z') });

async function recordedHours(nip: string, year: number): Promise<number> {
  const { Items = [] } = await db().send(
    new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': `EMPLOYEE#${nip}`, ':prefix': `TRAINING#${year}#` } }),
  );
  return Items.reduce((sum, item) => sum + (item.hours as number), 0);
}

describe('participants on DynamoDB Local', () => {
  it('keep counts and totals exact when added and removed concurrently', async () => {
    const nips = Array.from({ length: 12 }, (_, index) => nipFor(5000 + index));
    for (const nip of nips) await putEmployee(nip, employeeBody() as never, undefined, actor());
    const program = await createProgram({ title: 'Pelatihan Kepemimpinan Administrator', provider: 'BPSDM', method: 'CLASSICAL', startsOn: '2026-03-02', endsOn: '2026-04-24', jp: 40, cohort: 'Angkatan XII' }, actor());

    // All at once, and each twice: the second of each finds the first and changes nothing.
    await Promise.all([...nips, ...nips].map((nip) => putParticipant(program.id, nip, {}, undefined, actor()).catch((error: Error) => error)));
    await Promise.all([nipFor(5100), nipFor(5101)].map((nip, index) => putParticipant(program.id, nip, { name: `Peserta ${index}`, agency: 'Pemerintah Kabupaten Kolaka' }, undefined, actor())));
    expect(await readProgram(program.id)).toMatchObject({ internalParticipants: 12, externalParticipants: 2 });
    for (const nip of nips) {
      expect(await totalOf(nip, 2026)).toBe(30);
      expect(await recordedHours(nip, 2026)).toBe(30);
    }

    await Promise.all(nips.slice(0, 6).map((nip) => removeParticipant(program.id, nip, actor())));
    expect(await readProgram(program.id)).toMatchObject({ internalParticipants: 6, externalParticipants: 2 });
    for (const [index, nip] of nips.entries()) {
      const expected = index < 6 ? 0 : 30;
      expect(await totalOf(nip, 2026)).toBe(expected);
      expect(await recordedHours(nip, 2026)).toBe(expected);
    }

    // A roster re-adds them; what is already there is unchanged, nothing counts twice.
    const roster = await addRoster(program.id, nips.map((nip) => ({ nip })), actor());
    expect(roster).toEqual({ added: 6, unchanged: 6, rejectedCount: 0, rejected: [] });
    expect(await readProgram(program.id)).toMatchObject({ internalParticipants: 12 });
    for (const nip of nips) expect(await totalOf(nip, 2026)).toBe(30);
  });
});
