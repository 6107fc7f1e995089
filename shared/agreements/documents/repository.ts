import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../db/client.ts';
import { withoutStorage } from '../../db/items.ts';
import { queryPage, type Key } from '../../db/query.ts';
import type { TransactStep } from '../../db/transactions.ts';
import { NotFoundError } from '../../errors.ts';
import type { AgreementDocument, DocumentStatus } from './schemas.ts';

/**
 * Documents in the agreement's partition (read with it, gone with it):
 *
 *   AGREEMENT#<agreementId> / DOCUMENT#<id>   a document's metadata and status; the id starts with
 *                                            the upload time, so a Query lists them in upload order
 *
 * Its bytes are in the file store under the key of ./file-keys.ts.
 */
export const documentKey = (agreementId: string, id: string) => ({ PK: `AGREEMENT#${agreementId}`, SK: `DOCUMENT#${id}` });

export function documentInsertionStep(document: AgreementDocument): TransactStep {
  return { item: { Put: { TableName: tableName(), Item: { ...documentKey(document.agreementId, document.id), entity: 'DOCUMENT', ...document }, ConditionExpression: 'attribute_not_exists(PK)' } } };
}

/** Replaces the document if it is still in the status it was read in (a concurrent check or deletion prepares again). */
export function documentTransitionStep(document: AgreementDocument, from: DocumentStatus, onMoved: () => Error): TransactStep {
  return {
    item: {
      Put: {
        TableName: tableName(),
        Item: { ...documentKey(document.agreementId, document.id), entity: 'DOCUMENT', ...document },
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':from': from },
      },
    },
    onConditionFailed: onMoved,
  };
}

export function documentDeletionStep(document: AgreementDocument): TransactStep {
  return {
    item: { Delete: { TableName: tableName(), Key: documentKey(document.agreementId, document.id), ConditionExpression: 'attribute_exists(PK)' } },
    onConditionFailed: () => new NotFoundError(`Agreement ${document.agreementId} has no document ${document.id}.`),
  };
}

export async function getDocument(agreementId: string, id: string): Promise<AgreementDocument | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: documentKey(agreementId, id), ConsistentRead: true }));
  return Item ? (withoutStorage(Item) as AgreementDocument) : undefined;
}

export async function requireDocument(agreementId: string, id: string): Promise<AgreementDocument> {
  const document = await getDocument(agreementId, id);
  if (!document) throw new NotFoundError(`Agreement ${agreementId} has no document ${id}.`);
  return document;
}

/** An agreement's documents, in upload order. */
export async function documentPageOf(agreementId: string, limit: number, start?: Key) {
  const page = await queryPage(
    { keyCondition: 'PK = :pk AND begins_with(SK, :document)', names: {}, values: { ':pk': `AGREEMENT#${agreementId}`, ':document': 'DOCUMENT#' } },
    limit,
    start,
  );
  return { items: page.items.map((item) => withoutStorage(item) as AgreementDocument), next: page.next };
}
