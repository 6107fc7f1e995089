import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableDefinition } from '../shared/db/table-definition.ts';

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * Jalin's single table, shaped by shared/db/table-definition.ts (the same definition the local
 * engine creates its table from), so that what the tests run against is what is deployed.
 */
export class JalinTable extends Construct {
  readonly table: TableV2;

  /** RETAIN (and deletion protection) in prod; DESTROY where a stage is thrown away. */
  constructor(scope: Construct, id: string, removalPolicy: RemovalPolicy) {
    super(scope, id);
    const { partitionKey, sortKey, timeToLiveAttribute, globalIndexes } = tableDefinition;

    this.table = new TableV2(this, 'Table', {
      partitionKey: stringKey(partitionKey),
      sortKey: stringKey(sortKey),
      // Traffic is office-hours and spiky: on-demand costs nothing when nobody works.
      billing: Billing.onDemand(),
      globalSecondaryIndexes: globalIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        // Overloaded indexes serve whole entities: a Query on an index returns the item itself.
        projectionType: ProjectionType.ALL,
      })),
      // Idempotency records expire by themselves.
      timeToLiveAttribute,
      // The agreements and their audit trail are the registry of record: in prod they survive a
      // bad deploy, a deleted stack and a bad write (35 days of point-in-time recovery).
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy,
      // The AWS-managed key (aws/dynamodb) puts every use of the key in CloudTrail.
      encryption: TableEncryptionV2.awsManagedKey(),
    });
  }
}
