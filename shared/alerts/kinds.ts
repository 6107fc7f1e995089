/**
 * The kinds and statuses of alerts. Apart from the ledger so that the route table (and with it
 * every function bundle) does not pull the ledger's DynamoDB client in through the schemas.
 */
export const alertKinds = ['EXPIRY', 'DORMANT', 'TRAINING', 'TRAINING_SUMMARY'] as const;
export const alertStatuses = ['PENDING', 'SENT', 'RETRY', 'FAILED'] as const;
export type AlertKind = (typeof alertKinds)[number];
export type AlertStatus = (typeof alertStatuses)[number];
