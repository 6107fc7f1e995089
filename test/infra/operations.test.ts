import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../../shared/http/route.ts';
import { routes } from '../../shared/http/routes.ts';
import { stageDefaults } from '../../infra/stages.ts';
import { isCdkDeployHelper, ofType, prodContext, synth, type Resource } from './support.ts';

/**
 * What operations rely on, in the synthesized prod template: alarms that reach someone, the
 * signals they watch, access logs without personal data, email that keeps its reputation, sign-in
 * with MFA, and a dev stage that can be destroyed whole.
 */

let prod: ReturnType<typeof synth>;
const of = (type: string) => ofType(prod.resources, type);
const refOrGetAtt = (value: any): string => value?.Ref ?? value?.['Fn::GetAtt']?.[0];
const only = (type: string): [string, Resource] => {
  const found = of(type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};

// Synthesizing takes tens of seconds on a busy machine: a generous limit, not a speed check.
beforeAll(() => {
  prod = synth(prodContext);
}, 180_000);

/** Jalin's functions: not the ones CDK adds to run at deploy time. */
const ownFunctions = () => of('AWS::Lambda::Function').filter((entry) => !isCdkDeployHelper(entry));

describe('the path from an alarm to a person', () => {
  it('every alarm notifies the topic; the topic\'s key lets CloudWatch encrypt; CloudWatch of this account may publish; people are subscribed', () => {
    const [topicId, topic] = only('AWS::SNS::Topic');
    const alarms = of('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(10);
    for (const [id, alarm] of alarms) {
      expect(alarm.Properties.AlarmActions.map(refOrGetAtt), id).toEqual([topicId]);
      expect(alarm.Properties.OKActions.map(refOrGetAtt), id).toEqual([topicId]);
    }

    // A customer-managed key (alias/aws/sns would silently drop CloudWatch's notifications) …
    const keyId = refOrGetAtt(topic.Properties.KmsMasterKeyId);
    expect(prod.resources[keyId]?.Type).toBe('AWS::KMS::Key');
    const key = prod.resources[keyId]!;
    expect(key.Properties.EnableKeyRotation).toBe(true);
    const cloudWatchUse = key.Properties.KeyPolicy.Statement.find((statement: any) => statement.Principal?.Service === 'cloudwatch.amazonaws.com');
    expect(cloudWatchUse).toMatchObject({ Effect: 'Allow', Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } });
    expect([cloudWatchUse.Action].flat().sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey*']);

    // … a topic policy that allows CloudWatch alarms of this account (and still denies plain HTTP) …
    const [, policy] = only('AWS::SNS::TopicPolicy');
    expect(policy.Properties.Topics.map(refOrGetAtt)).toEqual([topicId]);
    const statements = policy.Properties.PolicyDocument.Statement as any[];
    const publish = statements.find((statement) => statement.Effect === 'Allow' && statement.Principal?.Service === 'cloudwatch.amazonaws.com');
    expect(publish.Action).toBe('sns:Publish');
    expect(publish.Condition.StringEquals).toEqual({ 'aws:SourceAccount': '123456789012' });
    expect(JSON.stringify(publish.Condition.ArnLike)).toContain(':cloudwatch:ap-southeast-3:123456789012:alarm:*');
    expect(statements.some((statement) => statement.Effect === 'Deny' && JSON.stringify(statement.Condition).includes('aws:SecureTransport'))).toBe(true);

    // … and the stage's people subscribed to it.
    const subscriptions = of('AWS::SNS::Subscription').map(([, subscription]) => subscription.Properties);
    expect(subscriptions.every((subscription) => refOrGetAtt(subscription.TopicArn) === topicId && subscription.Protocol === 'email')).toBe(true);
    expect(subscriptions.map((subscription) => subscription.Endpoint).sort()).toEqual(['oncall@jakarta.go.id', 'ops@jakarta.go.id']);
  });

  it('every alarm says what is wrong and why its threshold (the text the operator reads)', () => {
    for (const [id, alarm] of of('AWS::CloudWatch::Alarm')) {
      expect(alarm.Properties.AlarmDescription.length, id).toBeGreaterThanOrEqual(80);
      expect(alarm.Properties.TreatMissingData, id).toBe('notBreaching');
    }
  });
});

describe('what is alarmed', () => {
  const alarmsOn = (metricName: string) => of('AWS::CloudWatch::Alarm').filter(([, alarm]) => alarm.Properties.MetricName === metricName);
  const expressionAlarms = () => of('AWS::CloudWatch::Alarm').filter(([, alarm]) => alarm.Properties.Metrics);

  it('the API: 5xx rate (from 20 requests) and p95 latency', () => {
    const rate = expressionAlarms().find(([, alarm]) => JSON.stringify(alarm.Properties.Metrics).includes('100 * errors / requests'));
    expect(rate).toBeDefined();
    expect(rate![1].Properties.Threshold).toBe(1);
    const latency = alarmsOn('Latency');
    expect(latency).toHaveLength(1);
    expect(latency[0]![1].Properties.ExtendedStatistic).toBe('p95');
  });

  it('imports ending in a 5xx, from the route\'s own metrics', () => {
    const [alarm] = alarmsOn('5xx');
    expect(alarm).toBeDefined();
    expect(alarm![1].Properties.Dimensions).toEqual(
      expect.arrayContaining([
        { Name: 'Method', Value: 'POST' },
        { Name: 'Resource', Value: '/trainings/import' },
      ]),
    );
  });

  it('ERROR log lines of every function, through one metric filter per log group', () => {
    const functions = ownFunctions();
    const filters = of('AWS::Logs::MetricFilter');
    const filtered = new Set(filters.map(([, filter]) => filter.Properties.LogGroupName.Ref));
    for (const [id, fn] of functions) expect(filtered.has(fn.Properties.LoggingConfig.LogGroup.Ref), id).toBe(true);
    for (const [, filter] of filters) expect(filter.Properties.FilterPattern).toBe('{ $.level = "ERROR" }');
    expect(alarmsOn('ErrorLogs')).toHaveLength(1);
  });

  it('throttles of every function', () => {
    const throttled = new Set(alarmsOn('Throttles').map(([, alarm]) => alarm.Properties.Dimensions[0].Value.Ref));
    for (const [id] of ownFunctions()) expect(throttled.has(id), id).toBe(true);
  });

  it('DynamoDB throttles and system errors, SES bounce and complaint rates, failed alerts', () => {
    const expressions = expressionAlarms().map(([, alarm]) => JSON.stringify(alarm.Properties.Metrics));
    expect(expressions.filter((metrics) => metrics.includes('ThrottledRequests'))).toHaveLength(1);
    expect(expressions.filter((metrics) => metrics.includes('SystemErrors'))).toHaveLength(1);
    expect(alarmsOn('Reputation.BounceRate')[0]![1].Properties.Threshold).toBe(0.02);
    expect(alarmsOn('Reputation.ComplaintRate')[0]![1].Properties.Threshold).toBe(0.0005);
    expect(alarmsOn('AlertsFailed')).toHaveLength(1);
  });

  it('on one dashboard', () => {
    const [, dashboard] = only('AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const signal of ['5xx', 'Latency', 'Throttles', 'ThrottledRequests', 'Reputation.BounceRate', 'AlertsFailed', 'ErrorLogs']) expect(body).toContain(signal);
  });
});

describe('the API stage', () => {
  it('logs route keys and the caller\'s sub, never the path (it carries NIPs) nor user agents', () => {
    const [, stage] = only('AWS::ApiGatewayV2::Stage');
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format as string) as Record<string, string>;
    expect(format).toMatchObject({ routeKey: '$context.routeKey', sub: '$context.authorizer.claims.sub', sourceIp: '$context.identity.sourceIp' });
    expect(Object.values(format).filter((value) => /\$context\.(path|identity\.userAgent)/.test(value))).toEqual([]);
    const logGroup = prod.resources[refOrGetAtt(stage.Properties.AccessLogSettings.DestinationArn)]!;
    expect(logGroup.Properties.RetentionInDays).toBe(90);
  });

  it('throttles the expensive routes on their own, after they exist', () => {
    const [, stage] = only('AWS::ApiGatewayV2::Stage');
    const routeKeys = of('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey);
    const settings = stage.Properties.RouteSettings as Record<string, any>;
    expect(Object.keys(settings).sort()).toEqual(Object.keys(stageDefaults.prod!.routeThrottles!).sort());
    for (const [routeKey, setting] of Object.entries(settings)) {
      expect(routeKeys).toContain(routeKey);
      expect(setting.ThrottlingRateLimit).toBeLessThan(stage.Properties.DefaultRouteSettings.ThrottlingRateLimit);
    }
    expect(stage.DependsOn?.length).toBeGreaterThanOrEqual(routeKeys.length);
  });

  it('allows the stage\'s origins only', () => {
    const [, api] = only('AWS::ApiGatewayV2::Api');
    expect(api.Properties.CorsConfiguration.AllowOrigins).toEqual(['https://jalin.jakarta.go.id']);
  });
});

describe('functions', () => {
  it('are traced by Lambda (no tracer SDK in the bundles) and configure Powertools', () => {
    for (const [id, fn] of ownFunctions()) {
      expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Environment.Variables, id).toMatchObject({ POWERTOOLS_SERVICE_NAME: 'jalin', POWERTOOLS_LOG_LEVEL: 'INFO' });
    }
  });
});

it('grants "*" as a resource to X-Ray actions only (the acknowledged IAM5 of every function role)', () => {
  for (const [id, policy] of of('AWS::IAM::Policy').filter((entry) => !isCdkDeployHelper(entry))) {
    for (const statement of policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) {
      if (![statement.Resource].flat().includes('*')) continue;
      expect([statement.Action].flat().sort(), id).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    }
  }
});

describe('email', () => {
  it('the sender\'s domain is an SES identity with DKIM, using the configuration set', () => {
    const [, identity] = only('AWS::SES::EmailIdentity');
    expect(identity.Properties.EmailIdentity).toBe('jakarta.go.id');
    expect(identity.Properties.DkimAttributes).toEqual({ SigningEnabled: true });
    const [setId, set] = only('AWS::SES::ConfigurationSet');
    expect(identity.Properties.ConfigurationSetAttributes.ConfigurationSetName.Ref).toBe(setId);
    expect(set.Properties).toMatchObject({
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('bounces, complaints and rejects reach the function that records them on the alert', () => {
    const [, destination] = only('AWS::SES::ConfigurationSetEventDestination');
    expect(destination.Properties.EventDestination.MatchingEventTypes.map((type: string) => type.toUpperCase()).sort()).toEqual(['BOUNCE', 'COMPLAINT', 'REJECT']);
    expect(JSON.stringify(destination.Properties.EventDestination.EventBridgeDestination)).toContain('event-bus/default');
    const eventsFn = prod.stack.getLogicalId(prod.stack.email.events.function.node.defaultChild as never);
    const rule = of('AWS::Events::Rule').find(([, candidate]) => candidate.Properties.EventPattern?.source?.[0] === 'aws.ses');
    expect(rule![1].Properties.Targets[0].Arn['Fn::GetAtt'][0]).toBe(eventsFn);
    expect(rule![1].Properties.Targets[0].DeadLetterConfig).toBeDefined();
  });

  it('large runs fan out to a queue drained by two senders that share the SES rate', () => {
    const senderId = prod.stack.getLogicalId(prod.stack.email.sender.function.node.defaultChild as never);
    const [, mapping] = of('AWS::Lambda::EventSourceMapping').find(([, found]) => found.Properties.FunctionName.Ref === senderId)!;
    expect(mapping.Properties).toMatchObject({ BatchSize: 10, ScalingConfig: { MaximumConcurrency: 2 }, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    const sender = prod.resources[prod.stack.getLogicalId(prod.stack.email.sender.function.node.defaultChild as never)]!;
    expect(sender.Properties.ReservedConcurrentExecutions).toBe(2);
    expect(sender.Properties.Environment.Variables).toMatchObject({ SES_SEND_RATE: '14', EMAIL_SENDERS: '2' });
  });
});

describe('sign-in', () => {
  it('requires TOTP for every account, and sends Cognito\'s email through Jalin\'s SES identity', () => {
    const [, pool] = only('AWS::Cognito::UserPool');
    expect(pool.Properties.MfaConfiguration).toBe('ON');
    expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(pool.Properties.EmailConfiguration).toMatchObject({ EmailSendingAccount: 'DEVELOPER', From: 'Jalin <jalin@jakarta.go.id>' });
    expect(pool.Properties.EmailConfiguration.ConfigurationSet).toBeDefined();
    expect(pool.DeletionPolicy).toBe('Retain');
  });
});

describe('the dev stage', () => {
  it('can be destroyed whole: nothing retained, nothing deletion-protected', { timeout: 180_000 }, () => {
    const dev = synth();
    const retained = Object.entries(dev.resources).filter(([, resource]) => resource.DeletionPolicy === 'Retain');
    expect(retained.map(([id]) => id)).toEqual([]);
    const [, table] = ofType(dev.resources, 'AWS::DynamoDB::GlobalTable')[0]!;
    expect(table.Properties.Replicas[0].DeletionProtectionEnabled).toBe(false);
    const [, pool] = ofType(dev.resources, 'AWS::Cognito::UserPool')[0]!;
    expect(pool.Properties.DeletionProtection).toBe('INACTIVE');
    expect(dev.stack.terminationProtection).toBe(false);
    // Until the sender is verified, Cognito sends with its own address.
    expect(pool.Properties.EmailConfiguration).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
  });
});

it('every throttled route key of the stage defaults is a route of the table', () => {
  const keys = Object.values(routes as Record<string, RouteDefinition>).map((route) => `${route.method} ${route.path}`);
  for (const key of Object.keys(stageDefaults.prod!.routeThrottles!)) expect(keys).toContain(key);
});
