import { fileURLToPath } from 'node:url';
import { Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { tableDefinition } from '../shared/db/table-definition.ts';
import { lambdaBundling } from './bundling.ts';
import type { TableAction } from '../shared/http/route.ts';

/** The repository root: entries, package-lock.json and tsconfig.json are resolved from here. */
const projectRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * The newest Node.js runtime aws-cdk-lib 2.276 knows (cdk-nag AwsSolutions-L1 checks exactly
 * that), and the AWS SDK asks for Node 22+ from 2027. Bump it with aws-cdk-lib.
 */
export const runtime = Runtime.NODEJS_24_X;

/**
 * A function's table actions: the union of what its routes (or its job) declare, as IAM action
 * names. Scan is never granted: every access pattern is a key lookup or a Query (see the README's
 * access-pattern table), so a Scan in the code would be a bug that IAM should stop.
 */
export function tableActions(declared: readonly TableAction[]): string[] {
  return [...new Set(declared)].sort().map((action) => `dynamodb:${action}`);
}

export interface ApiFunctionProps {
  /** The entry under functions/ without extension, as in the route table: `agreements/create`. */
  handler: string;
  description: string;
  logRetention: RetentionDays;
  /** DESTROY for throwaway stages; RETAIN where the logs are evidence. */
  logRemovalPolicy: RemovalPolicy;
  /** Off by default: minified bundles stay small, and source maps cost cold-start time. */
  sourceMap?: boolean;
  /** Seconds; 10 by default (a route row or a job may need longer). */
  timeoutSeconds?: number;
  environment?: Record<string, string>;
  /** Concurrent executions set aside (and capped): jobs and queue consumers that must not run twice at once or outrun SES. */
  reservedConcurrency?: number;
}

/**
 * One Lambda function of the API with Jalin's defaults: Node 24 on arm64, an ESM bundle built by
 * the local esbuild, its own log group with a retention, and its own role that starts with
 * nothing but the right to write to that log group (no AWSLambdaBasicExecutionRole, which would
 * let it create any log group in the account).
 */
export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const sourceMap = props.sourceMap ?? false;

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.logRemovalPolicy,
    });

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.handler}`,
    });
    this.logGroup.grantWrite(this.role);
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing lets the function send its trace segments: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, so their resource is "*". No other statement of the role has a wildcard resource.',
    });

    this.function = new NodejsFunction(this, 'Function', {
      entry: `${projectRoot}functions/${props.handler}.ts`,
      handler: 'handler',
      projectRoot,
      depsLockFilePath: `${projectRoot}package-lock.json`,
      description: props.description,
      runtime,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      role: this.role,
      logGroup: this.logGroup,
      // X-Ray traces of each invocation (init, handler, overhead) from Lambda itself; no tracer
      // SDK in the bundle (Powertools Tracer adds ~127 KB and ~100 ms of module load).
      tracing: Tracing.ACTIVE,
      ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
      environment: {
        // Powertools Logger (shared/log.ts) and Metrics (shared/metrics.ts).
        POWERTOOLS_SERVICE_NAME: 'jalin',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        // Keys the HMAC of pagination cursors. The UUID of the stack's id is stable for the life
        // of the stack, differs between stages, and is in no source file. It is not a secret from
        // whoever can read the stack, which is fine: authorization never rests on a cursor.
        CURSOR_SECRET: Fn.select(2, Fn.split('/', Stack.of(this).stackId)),
        ...(sourceMap ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
        ...props.environment,
      },
      // The options live in infra/bundling.ts, where the cold-start benchmark reads them too.
      bundling: {
        format: OutputFormat.ESM,
        target: lambdaBundling.target,
        mainFields: [...lambdaBundling.mainFields],
        minify: lambdaBundling.minify,
        sourceMap,
        banner: lambdaBundling.banner,
        bundleAwsSDK: lambdaBundling.bundleAwsSDK,
        externalModules: [...lambdaBundling.externalModules],
      },
    });
  }
}

/**
 * Give a function exactly the table actions it declares, on the table and on each of its indexes
 * by name (taken from the table definition, so a new GSI is covered without a wildcard), and
 * TABLE_NAME. With no actions, nothing at all.
 */
export function bindTable(fn: NodejsFunction, table: ITableV2, declared: readonly TableAction[]): void {
  const actions = tableActions(declared);
  if (actions.length === 0) return;
  fn.addEnvironment('TABLE_NAME', table.tableName);
  fn.addToRolePolicy(
    new PolicyStatement({
      actions,
      resources: [
        table.tableArn,
        ...tableDefinition.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
      ],
    }),
  );
}
