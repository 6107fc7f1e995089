import { CfnOutput, Duration, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDefinition } from '../shared/http/route.ts';
import { apiFunctionEntry, apiFunctionNames, apiFunctionOf } from '../shared/http/layout.ts';
import { routes } from '../shared/http/routes.ts';
import type { Files } from './files.ts';
import { ApiFunction, bindTable } from './lambda.ts';

export interface ApiProps {
  table: ITableV2;
  /** The user pool's token issuer and the client ids the authorizer accepts (infra/auth.ts). */
  issuer: string;
  audience: string[];
  logRetention: RetentionDays;
  logRemovalPolicy: RemovalPolicy;
  /** Access logs hold IP addresses: kept only as long as abuse is investigated (README, "Operations"). */
  accessLogRetention: RetentionDays;
  /** Every route's steady rate and burst (stage config). */
  throttle: { rateLimit: number; burstLimit: number };
  /** Tighter limits on the expensive routes, by route key; these routes also get detailed metrics. */
  routeThrottles: Record<string, { rateLimit: number; burstLimit: number }>;
  /** Browser origins allowed by CORS. */
  allowedOrigins: string[];
  /** The file store: each function is granted its routes' object actions (`objects` of the rows). */
  files: Files;
}

/**
 * One JSON object per request, for CloudWatch Logs Insights. No path (it carries the NIP of
 * `/employees/{nip}`), query strings, bodies, user agents or claims other than `sub` (an opaque
 * Cognito id); the source IP stays, for investigating abuse (purpose and retention in the README).
 */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    sourceIp: '$context.identity.sourceIp',
    routeKey: '$context.routeKey',
    sub: '$context.authorizer.claims.sub',
    status: '$context.status',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationStatus: '$context.integrationStatus',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
);

/**
 * The HTTP API: every row of the route table (shared/http/routes.ts) becomes a route, served by
 * one of the functions of shared/http/layout.ts (public, read, write, files), so a new row is deployed
 * without touching this file. Each function's role holds the union of its routes' table actions.
 * Rows with groups sit behind the JWT authorizer; the functions then check the groups themselves
 * (shared/http/handler.ts). Whatever no row serves goes to the `$default` route, served by the
 * public function, which answers 404 or 405 as problem+json.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** The API functions by name (public, read, write, files). */
  readonly functions: Record<string, ApiFunction> = {};
  /** The route of each row, by the row's id; `$default` under `notFound`. */
  readonly routes: Record<string, HttpRoute> = {};

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const functionDefaults = { logRetention: props.logRetention, logRemovalPolicy: props.logRemovalPolicy };

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Jalin: cooperation agreements and civil-servant training hours',
      // The stage is declared below, with access logs and throttling.
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowMethods: [CorsHttpMethod.ANY],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'if-match'],
        exposeHeaders: ['etag', 'location'],
        maxAge: Duration.hours(1),
      },
    });

    const authorizer = new HttpJwtAuthorizer('CognitoJwt', props.issuer, { jwtAudience: props.audience });
    const rows = Object.entries(routes as Record<string, RouteDefinition>);

    for (const name of apiFunctionNames) {
      const served = rows.filter(([, route]) => apiFunctionOf(route) === name).map(([, route]) => route);
      const timeouts = served.flatMap((route) => (route.timeoutSeconds ? [route.timeoutSeconds] : []));
      const fn = new ApiFunction(this, `${name}Function`, {
        ...functionDefaults,
        handler: apiFunctionEntry(name),
        description: `Jalin API (${name}): ${served.length} routes`,
        ...(timeouts.length ? { timeoutSeconds: Math.max(...timeouts) } : {}),
      });
      bindTable(fn.function, props.table, served.flatMap((route) => route.actions));
      props.files.grantObjects(fn, served.flatMap((route) => route.objects ?? []));
      this.functions[name] = fn;
    }
    const integrations = Object.fromEntries(apiFunctionNames.map((name) => [name, integrationFor(name, this.functions[name]!)]));

    for (const [routeId, route] of rows) {
      const isPublic = route.access === 'public';
      const httpRoute = new HttpRoute(this, `${routeId}Route`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: integrations[apiFunctionOf(route)]!,
        ...(isPublic ? {} : { authorizer }),
      });
      this.routes[routeId] = httpRoute;
      if (isPublic) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design in the route table (access: 'public'): it serves no personal or agency data.`,
        });
      }
    }

    const defaultRoute = new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: integrations.public!,
    });
    this.routes.notFound = defaultRoute;
    Validations.of(defaultRoute).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The $default route only answers 404/405 problem+json for paths and methods no route serves; a token check there would turn "no such operation" into a misleading 401.',
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention,
      removalPolicy: props.logRemovalPolicy,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });
    // Route-level limits (and per-route metrics) for the expensive routes; the routes must exist
    // first. An untyped L1 property: CloudFormation's own (Pascal-case) names.
    (this.stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      Object.entries(props.routeThrottles).map(([routeKey, limit]) => [
        routeKey,
        { ThrottlingRateLimit: limit.rateLimit, ThrottlingBurstLimit: limit.burstLimit, DetailedMetricsEnabled: true },
      ]),
    );
    for (const route of Object.values(this.routes)) this.stage.node.addDependency(route);

    new CfnOutput(this, 'Url', { key: 'ApiUrl', value: this.stage.url, description: 'The base URL of the API' });
  }
}

function integrationFor(id: string, fn: ApiFunction): HttpLambdaIntegration {
  return new HttpLambdaIntegration(`${id}Integration`, fn.function, {
    payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
  });
}
