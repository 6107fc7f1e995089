import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { agreementKey } from '../../agreements/repository.ts';
import { db, tableName } from '../../db/client.ts';
import { withoutStorage } from '../../db/items.ts';
import type { PageQuery } from '../../db/query.ts';
import type { TransactStep } from '../../db/transactions.ts';
import { ConflictError, NotFoundError, StaleVersionError, UnprocessableError } from '../../errors.ts';
import type { ParticipantKind } from './rules.ts';
import type { Participant, Program } from './schemas.ts';

/**
 * Programs and their participants in the single table:
 *
 *   PROGRAM#<id> / PROGRAM            the program     GSI1 PROGRAMS#<year> / <startsOn>#<id>
 *                                                     GSI2 AGREEMENT_PROGRAMS#<agreementId> / <startsOn>#<id>
 *   PROGRAM#<id> / PARTICIPANT#<nip>  a participant (an internal one names its training record,
 *                                     EMPLOYEE#<nip> / TRAINING#<year>#<trainingId>)
 *
 * The program counts its internal and external participants (ADD in each participant's
 * transaction), so the agreement's outcomes read one item per program, not its participants.
 */
const programPartition = (id: string) => `PROGRAM#${id}`;
const programKey = (id: string) => ({ PK: programPartition(id), SK: 'PROGRAM' });
const participantKey = (programId: string, nip: string) => ({ PK: programPartition(programId), SK: `PARTICIPANT#${nip}` });
const yearPartition = (year: number) => `PROGRAMS#${year}`;
const agreementPartition = (agreementId: string) => `AGREEMENT_PROGRAMS#${agreementId}`;
const counterOf: Record<ParticipantKind, 'internalParticipants' | 'externalParticipants'> = { INTERNAL: 'internalParticipants', EXTERNAL: 'externalParticipants' };

function programItem(program: Program) {
  const order = `${program.startsOn}#${program.id}`;
  return {
    ...programKey(program.id),
    entity: 'PROGRAM',
    ...program,
    GSI1PK: yearPartition(program.year),
    GSI1SK: order,
    ...(program.agreementId ? { GSI2PK: agreementPartition(program.agreementId), GSI2SK: order } : {}),
  };
}

export const programFromItem = (item: Record<string, unknown>) => withoutStorage(item) as Program;
export const participantFromItem = (item: Record<string, unknown>) => withoutStorage(item) as Participant;

export async function getProgram(id: string): Promise<Program | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: programKey(id), ConsistentRead: true }));
  return Item ? programFromItem(Item) : undefined;
}

export async function requireProgram(id: string): Promise<Program> {
  const program = await getProgram(id);
  if (!program) throw new NotFoundError(`No training program ${id} exists.`);
  return program;
}

export async function getParticipant(programId: string, nip: string): Promise<Participant | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: participantKey(programId, nip), ConsistentRead: true }));
  return Item ? participantFromItem(Item) : undefined;
}

function agreementExistsStep(agreementId: string): TransactStep {
  return {
    item: { ConditionCheck: { TableName: tableName(), Key: agreementKey(agreementId), ConditionExpression: 'attribute_exists(PK)' } },
    onConditionFailed: () => new UnprocessableError(`agreementId: no agreement ${agreementId} exists.`, [{ path: 'agreementId', message: 'names no existing agreement' }]),
  };
}

export function programCreationSteps(program: Program): TransactStep[] {
  return [
    ...(program.agreementId ? [agreementExistsStep(program.agreementId)] : []),
    { item: { Put: { TableName: tableName(), Item: programItem(program), ConditionExpression: 'attribute_not_exists(PK)' } } },
  ];
}

/**
 * Replaces the program read at `before`: its version, and its participant counts (a participant
 * added meanwhile copied the fields being replaced), must be those read.
 */
export function programReplacementSteps(before: Program, after: Program): TransactStep[] {
  return [
    ...(after.agreementId && after.agreementId !== before.agreementId ? [agreementExistsStep(after.agreementId)] : []),
    {
      item: {
        Put: {
          TableName: tableName(),
          Item: programItem(after),
          ConditionExpression: 'version = :version AND internalParticipants = :internal AND externalParticipants = :external',
          ExpressionAttributeValues: { ':version': before.version, ':internal': before.internalParticipants, ':external': before.externalParticipants },
        },
      },
      onConditionFailed: () => new StaleVersionError(`The program is no longer as read at version ${before.version} (it was edited, or its participants changed); read it again.`),
    },
  ];
}

/**
 * Counts a participant in (or, negative, out of) the program. An internal participant's record
 * copies the program, so adding one also requires the program still at the version read.
 */
export function participantCountStep(program: Program, kind: ParticipantKind, delta: 1 | -1): TransactStep {
  const pinned = kind === 'INTERNAL' && delta > 0;
  return {
    item: {
      Update: {
        TableName: tableName(),
        Key: programKey(program.id),
        UpdateExpression: 'ADD #count :delta',
        ConditionExpression: pinned ? 'version = :version' : 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#count': counterOf[kind] },
        ExpressionAttributeValues: { ':delta': delta, ...(pinned ? { ':version': program.version } : {}) },
      },
    },
    onConditionFailed: () => new ConflictError('The program changed while its participants were being changed; try again.'),
  };
}

export function participantCreationStep(participant: Participant): TransactStep {
  return {
    item: { Put: { TableName: tableName(), Item: { ...participantKey(participant.programId, participant.nip), entity: 'PARTICIPANT', ...participant }, ConditionExpression: 'attribute_not_exists(PK)' } },
    onConditionFailed: () => new ConflictError('This NIP was added to the program meanwhile; read the participant again.'),
  };
}

export function participantReplacementStep(participant: Participant, replacedVersion: number): TransactStep {
  return {
    item: {
      Put: {
        TableName: tableName(),
        Item: { ...participantKey(participant.programId, participant.nip), entity: 'PARTICIPANT', ...participant },
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':version': replacedVersion },
      },
    },
    onConditionFailed: () => new StaleVersionError(`The participant is no longer at version ${replacedVersion}; read it again.`),
  };
}

export function participantDeletionStep(participant: Participant): TransactStep {
  return {
    item: { Delete: { TableName: tableName(), Key: participantKey(participant.programId, participant.nip), ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': participant.version } } },
    onConditionFailed: () => new ConflictError('The participant changed while being removed; try again.'),
  };
}

export function programsOfYear(year: number): PageQuery {
  return { index: 'GSI1', keyCondition: 'GSI1PK = :pk', names: {}, values: { ':pk': yearPartition(year) } };
}

export function programsOfAgreement(agreementId: string): PageQuery {
  return { index: 'GSI2', keyCondition: 'GSI2PK = :pk', names: {}, values: { ':pk': agreementPartition(agreementId) } };
}

export function participantsOf(programId: string): PageQuery {
  return { keyCondition: 'PK = :pk AND begins_with(SK, :prefix)', names: {}, values: { ':pk': programPartition(programId), ':prefix': 'PARTICIPANT#' } };
}
