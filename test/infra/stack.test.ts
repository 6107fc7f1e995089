import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, isCdkDeployHelper, prodContext } from './support.ts';
import { tableDefinition } from '../../shared/db/table-definition.ts';
import { groups } from '../../shared/http/auth.ts';
import { apiFunctionNames, apiFunctionOf } from '../../shared/http/layout.ts';
import type { RouteDefinition } from '../../shared/http/route.ts';
import { routes } from '../../shared/http/routes.ts';
import { jobs } from '../../shared/alerts/job-table.ts';
import { fileConsumers } from '../../shared/files/consumers.ts';

/**
 * The synthesized prod template (complete config), checked against the sources it is built from:
 * the route table, the groups and the table definition. Bundling is skipped (esbuild is not what
 * is under test here).
 */

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

const rows = Object.entries(routes as Record<string, RouteDefinition>);
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A route's actions as IAM names, written out here rather than taken from infra/lambda.ts. */
const iamActions = (route: RouteDefinition) => [...new Set(route.actions)].map((action) => `dynamodb:${action}`).sort();

const built = build(prodContext);
let template: Template;
let resources: Record<string, Resource>;

beforeAll(() => {
  const { stack } = built;
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, Resource>;
  // Synthesizing takes tens of seconds on a busy machine: a generous limit, not a speed check.
}, 180_000);


/** Jalin's functions: not the ones CDK adds to run at deploy time. */
const ownFunctions = () => ofType('AWS::Lambda::Function').filter((entry) => !isCdkDeployHelper(entry));

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

function refOf(value: unknown): string {
  const ref = (value as { Ref?: string }).Ref;
  if (!ref) throw new Error(`expected a Ref, got ${JSON.stringify(value)}`);
  return ref;
}

function getAttOf(value: unknown): string {
  const getAtt = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  if (!getAtt) throw new Error(`expected a Fn::GetAtt, got ${JSON.stringify(value)}`);
  return getAtt[0];
}

function routeByKey(routeKey: string): Resource {
  const found = ofType('AWS::ApiGatewayV2::Route').filter(([, route]) => route.Properties.RouteKey === routeKey);
  expect(found, `routes with key ${routeKey}`).toHaveLength(1);
  return found[0]![1];
}

/** Route → integration → function, following the references of the template. */
function functionOfRoute(route: Resource): { id: string; fn: Resource } {
  const target = route.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
  const integration = resources[refOf(target['Fn::Join'][1][1])]!;
  const id = getAttOf(integration.Properties.IntegrationUri);
  return { id, fn: resources[id]! };
}

/** Every action an Allow statement grants to the function's role, from its inline policies. */
function actionsOfFunction(fn: Resource): string[] {
  const roleId = getAttOf(fn.Properties.Role);
  return ofType('AWS::IAM::Policy')
    .filter(([, policy]) => (policy.Properties.Roles as unknown[]).some((role) => refOf(role) === roleId))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[] }[])
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => [statement.Action].flat());
}

function authorizerId(): string {
  const authorizers = ofType('AWS::ApiGatewayV2::Authorizer');
  expect(authorizers).toHaveLength(1);
  return authorizers[0]![0];
}

describe('the table', () => {
  it('is the one table of the table definition: keys, GSIs (projection ALL) and TTL', () => {
    const tables = ofType('AWS::DynamoDB::GlobalTable');
    expect(tables).toHaveLength(1);
    const table = tables[0]![1].Properties;

    expect(table.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.GlobalSecondaryIndexes).toEqual(
      tableDefinition.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    for (const attribute of table.AttributeDefinitions as { AttributeType: string }[]) {
      expect(attribute.AttributeType).toBe('S');
    }
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true });
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('survives deletes: PITR, deletion protection and RETAIN', () => {
    const [, table] = ofType('AWS::DynamoDB::GlobalTable')[0]!;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    // TableV2 is a global table: these settings live on the replica.
    const replicas = table.Properties.Replicas as Record<string, any>[];
    expect(replicas).toHaveLength(1);
    expect(replicas[0]!.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(replicas[0]!.DeletionProtectionEnabled).toBe(true);
  });
});

describe('the functions', () => {
  it('are the API functions of the layout, one per scheduled job, the two email functions, one per direct file consumer and the import worker', () => {
    expect(ownFunctions()).toHaveLength(apiFunctionNames.length + jobs.length + 2 + fileConsumers.length);
  });

  it('route every row to the function of its layout, and $default to the public one', () => {
    for (const [id, route] of rows) {
      const { fn } = functionOfRoute(routeByKey(`${route.method} ${route.path}`));
      expect(fn.Properties.Description, id).toMatch(new RegExp(`^Jalin API \\(${apiFunctionOf(route)}\\)`));
    }
    expect(functionOfRoute(routeByKey('$default')).fn.Properties.Description).toMatch(/^Jalin API \(public\)/);
  });

  it('each row names a handler file that exists (bundling, skipped here, would need it)', () => {
    for (const [, route] of rows) {
      expect(existsSync(join(projectRoot, 'functions', `${route.handler}.ts`)), route.handler).toBe(true);
    }
  });

  it('run on the newest Node.js runtime aws-cdk-lib knows, on arm64, with 512 MB and the longest timeout of their routes (10 s by default)', () => {
    const timeoutOf = (fn: Resource) => {
      const served = rows.filter(([, route]) => String(fn.Properties.Description).startsWith(`Jalin API (${apiFunctionOf(route)})`));
      return Math.max(10, ...served.map(([, route]) => route.timeoutSeconds ?? 10));
    };
    const newestNode = Runtime.ALL.map((runtime) => runtime.name)
      .filter((name) => /^nodejs\d+\.x$/.test(name))
      .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
      .at(-1);
    for (const [id, fn] of ownFunctions()) {
      expect(fn.Properties.Runtime, id).toBe(newestNode);
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties.MemorySize, id).toBe(512);
      const job = jobs.find((candidate) => candidate.description === fn.Properties.Description);
      // The email sender and the file consumers (which may read a whole upload) have 60 s; the import worker 120 s.
      const emailSender = [built.stack.email.sender, ...Object.values(built.stack.files.consumers)].some((each) => id === built.stack.getLogicalId(each.function.node.defaultChild as never));
      const importWorker = id === built.stack.getLogicalId(built.stack.imports.worker.function.node.defaultChild as never);
      expect(fn.Properties.Timeout, id).toBe(job ? job.timeoutSeconds : emailSender ? 60 : importWorker ? 120 : timeoutOf(fn));
    }
  });

  it('log to their own log group, which has a retention', () => {
    const logGroups = new Map(ofType('AWS::Logs::LogGroup'));
    for (const [id, fn] of ownFunctions()) {
      const logGroup = logGroups.get(refOf(fn.Properties.LoggingConfig.LogGroup));
      expect(logGroup, id).toBeDefined();
    }
    for (const [id, logGroup] of logGroups) {
      expect(logGroup.Properties.RetentionInDays, id).toBeGreaterThan(0);
    }
  });

  it('get TABLE_NAME only when their row uses the table, and all get a CURSOR_SECRET', () => {
    for (const [id, route] of rows) {
      const { fn } = functionOfRoute(routeByKey(`${route.method} ${route.path}`));
      const variables = fn.Properties.Environment.Variables as Record<string, unknown>;
      expect(variables.CURSOR_SECRET, id).toBeDefined();
      if (route.access === 'public') expect(variables.TABLE_NAME, id).toBeUndefined();
      else expect(variables.TABLE_NAME, id).toEqual(expect.objectContaining({ Ref: expect.any(String) }));
    }
  });

  it.each(apiFunctionNames)('the %s function may do to the table exactly the union of its routes\' actions', (name) => {
    const served = rows.filter(([, route]) => apiFunctionOf(route) === name).map(([, route]) => route);
    const { fn } = functionOfRoute(routeByKey(`${served[0]!.method} ${served[0]!.path}`));
    const dynamodb = actionsOfFunction(fn).filter((action) => action.startsWith('dynamodb:'));
    expect(dynamodb.sort()).toEqual([...new Set(served.flatMap(iamActions))].sort());
  });

  it('no reader can write, and nothing public can touch the table', () => {
    const write = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:BatchWriteItem'];
    const read = functionOfRoute(routeByKey('GET /agreements/{id}')).fn;
    expect(actionsOfFunction(read).filter((action) => write.includes(action))).toEqual([]);
    const open = functionOfRoute(routeByKey('GET /health')).fn;
    expect(actionsOfFunction(open).filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
  });

  it('the $default function has no table access', () => {
    const { fn } = functionOfRoute(routeByKey('$default'));
    expect(actionsOfFunction(fn).filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
  });

  it('table grants name the table and its indexes, never a wildcard', () => {
    for (const [id, policy] of ofType('AWS::IAM::Policy')) {
      for (const statement of policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) {
        if (![statement.Action].flat().some((action) => action.startsWith('dynamodb:'))) continue;
        expect(JSON.stringify(statement.Resource), id).not.toContain('*');
        expect([statement.Resource].flat(), id).toHaveLength(1 + tableDefinition.globalIndexes.length);
      }
    }
  });
});

describe('IAM', () => {
  it("no policy of Jalin's grants dynamodb:Scan, dynamodb:* or any wildcard action (CDK's deploy-time helpers get CDK's s3 grants, acknowledged in infra/console.ts)", () => {
    const own = (type: string) => ofType(type).filter((entry) => !isCdkDeployHelper(entry));
    const documents = [
      ...own('AWS::IAM::Policy').map(([, policy]) => policy.Properties.PolicyDocument),
      ...own('AWS::IAM::ManagedPolicy').map(([, policy]) => policy.Properties.PolicyDocument),
      ...own('AWS::IAM::Role').flatMap(([, role]) => (role.Properties.Policies ?? []).map((policy: any) => policy.PolicyDocument)),
    ];
    expect(documents.length).toBeGreaterThan(0);
    const actions = documents.flatMap((document) =>
      (document.Statement as { Action: string | string[] }[]).flatMap((statement) => [statement.Action].flat()),
    );
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
  });

  it('roles carry no AWS managed policies (but the roles of CDK\'s deploy-time helpers, acknowledged in infra/files.ts and infra/console.ts)', () => {
    for (const [id, role] of ofType('AWS::IAM::Role').filter((entry) => !isCdkDeployHelper(entry))) {
      expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
    }
  });
});

describe('the HTTP API', () => {
  it.each(rows)('%s is a route, behind the JWT authorizer unless public', (_id, route) => {
    const properties = routeByKey(`${route.method} ${route.path}`).Properties;
    if (route.access === 'public') {
      expect(properties.AuthorizationType ?? 'NONE').toBe('NONE');
      expect(properties.AuthorizerId).toBeUndefined();
    } else {
      expect(properties.AuthorizationType).toBe('JWT');
      expect(refOf(properties.AuthorizerId)).toBe(authorizerId());
    }
  });

  it('sends what no row serves to the public function (404/405), without the authorizer', () => {
    const route = routeByKey('$default');
    expect(route.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
    expect(route.Properties.AuthorizerId).toBeUndefined();
    expect(functionOfRoute(route).fn.Properties.Description).toMatch(/^Jalin API \(public\)/);
    expect(ofType('AWS::ApiGatewayV2::Route')).toHaveLength(rows.length + 1);
  });

  it('integrates every route with payload format 2.0', () => {
    for (const [id, integration] of ofType('AWS::ApiGatewayV2::Integration')) {
      expect(integration.Properties.IntegrationType, id).toBe('AWS_PROXY');
      expect(integration.Properties.PayloadFormatVersion, id).toBe('2.0');
    }
  });

  it("trusts tokens of the user pool and its clients only (the API's and the console's)", () => {
    const [, authorizer] = ofType('AWS::ApiGatewayV2::Authorizer')[0]!;
    const [poolId] = ofType('AWS::Cognito::UserPool')[0]!;
    const clientIds = ofType('AWS::Cognito::UserPoolClient').map(([id]) => id);
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(authorizer.Properties.IdentitySource).toEqual(['$request.header.Authorization']);
    expect(authorizer.Properties.JwtConfiguration.Issuer).toEqual({
      'Fn::Join': ['', ['https://cognito-idp.ap-southeast-3.amazonaws.com/', { Ref: poolId }]],
    });
    expect(authorizer.Properties.JwtConfiguration.Audience).toEqual(clientIds.map((id) => ({ Ref: id })));
  });

  it('has one auto-deployed $default stage with JSON access logs and throttling', () => {
    const stages = ofType('AWS::ApiGatewayV2::Stage');
    expect(stages).toHaveLength(1);
    const stage = stages[0]![1].Properties;
    expect(stage.StageName).toBe('$default');
    expect(stage.AutoDeploy).toBe(true);
    expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.DefaultRouteSettings.ThrottlingBurstLimit).toBeGreaterThan(0);

    const logGroupId = getAttOf(stage.AccessLogSettings.DestinationArn);
    expect(resources[logGroupId]!.Type).toBe('AWS::Logs::LogGroup');
    const format = JSON.parse(stage.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format.requestId).toBe('$context.requestId');
    expect(format.status).toBe('$context.status');
  });

  it('outputs its URL', () => {
    template.hasOutput('ApiUrl', {});
  });
});

describe('the user pool', () => {
  it('has exactly the groups of shared/http/auth.ts', () => {
    const names = ofType('AWS::Cognito::UserPoolGroup').map(([, group]) => group.Properties.GroupName as string);
    expect(names.sort()).toEqual([...groups].sort());
  });

  it('has a mutable custom nip, no self sign-up and a strong password policy', () => {
    const [, pool] = ofType('AWS::Cognito::UserPool')[0]!;
    expect(pool.Properties.Schema).toContainEqual({ Name: 'nip', AttributeDataType: 'String', Mutable: true });
    expect(pool.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(pool.Properties.Policies.PasswordPolicy).toMatchObject({
      MinimumLength: expect.any(Number),
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(pool.Properties.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
    expect(pool.DeletionPolicy).toBe('Retain');
  });

  it('has two public clients, the API\'s and the console\'s, that cannot write custom:nip (users must not pick whose records they read)', () => {
    const clients = ofType('AWS::Cognito::UserPoolClient');
    expect(clients.map(([id]) => (id.includes('ConsoleClient') ? 'console' : 'api')).sort()).toEqual(['api', 'console']);
    for (const [id, { Properties: client }] of clients) {
      expect(client.GenerateSecret, id).toBe(false);
      expect(client.WriteAttributes, id).toBeDefined();
      expect(client.WriteAttributes, id).not.toContain('custom:nip');
    }
  });
});
