import type { TableAction } from '../../http/route.ts';

/**
 * The table actions of the import worker, exactly (its role on AWS, infra/imports.ts): the import
 * and its chunks (Get, Query, Update, Put), the bulk writers' reads of totals, profiles and stored
 * records (BatchGet), their transactions (Put, Update, ConditionCheck) and the employees' versioned
 * puts (Get, Put).
 */
export const importWorkerActions: readonly TableAction[] = ['BatchGetItem', 'BatchWriteItem', 'ConditionCheckItem', 'DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'];
