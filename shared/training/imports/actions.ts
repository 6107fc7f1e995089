import type { TableAction } from '../../http/route.ts';

/**
 * The table actions of the import worker, exactly (its role on AWS, infra/imports.ts): the import
 * and its chunks (Get, Query, Update, Put), the records' transactions (Put, Update, ConditionCheck)
 * and the employees' versioned puts (Get, Put).
 */
export const importWorkerActions: readonly TableAction[] = ['ConditionCheckItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'];
