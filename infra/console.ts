import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Annotations, Duration, Fn, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { ClientAttributes, OAuthScope, UserPoolClientIdentityProvider, type UserPool, type UserPoolClient, type UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BucketDeployment, CacheControl, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

/** Where `npm run build` of the console (console/vite.config.ts) writes the app. */
export const CONSOLE_DIST = fileURLToPath(new URL('../console/dist', import.meta.url));

/** The console's sign-in callback and where a sign-out lands (console/src/auth/cognito.ts). */
export const SIGN_IN_PATH = '/masuk';
export const SIGNED_OUT_PATH = '/';

export interface ConsoleProps {
  httpApi: HttpApi;
  userPool: UserPool;
  /** The pool's token issuer (infra/auth.ts): the console's OIDC authority. */
  issuer: string;
  stage: string;
  removalPolicy: RemovalPolicy;
  /** The access logs of the distribution and the bucket hold IP addresses: kept as long as the API's. */
  accessLogRetentionDays: number;
  /** The built console; when it is missing at synthesis, a page that says so is deployed instead. */
  distPath?: string;
  /** The deployment helper's logs: kept and removed as the stack's own function logs. */
  logRetention: RetentionDays;
}

/**
 * The staff console on AWS (issue 13): a private S3 bucket behind CloudFront (origin access
 * control), with the HTTP API on the same origin under `/api/*` so that the browser needs no
 * CORS and government proxies one domain; Cognito's hosted sign-in (authorization code + PKCE)
 * for a public client whose callbacks are on the distribution's domain; and a `config.json`
 * written at deploy time, so that one build serves every stage.
 */
export class Console extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  /** https://<distribution domain>: the console's base URL (CONSOLE_URL, email links). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleProps) {
    super(scope, id);
    const destroy = props.removalPolicy === RemovalPolicy.DESTROY;

    const logs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // CloudFront's standard logs are delivered with ACLs: the one bucket here that keeps them on.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.accessLogRetentionDays) }],
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: destroy,
    });
    Validations.of(logs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself: logging its own accesses into itself would loop.' });

    this.bucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: destroy,
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Jalin console: CSP, HSTS and the usual hardening headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(Stack.of(this).region), override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()', override: true }],
      },
    });

    // Assets are immutable (hashed names); index.html and config.json say max-age=0, and a
    // minimum TTL of 0 lets CloudFront honour that, so a deploy is visible at the next load.
    const siteCache = new CachePolicy(this, 'SiteCache', {
      comment: 'Jalin console: honour the objects Cache-Control',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.days(1),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    // `https://<id>.execute-api.<region>.amazonaws.com` → its host name.
    const apiHost = Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint));

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Jalin console (${props.stage})`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Staff work in Indonesia: the edge locations of Asia are in the cheapest class that has them.
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: siteCache,
        responseHeadersPolicy: securityHeaders,
        compress: true,
        functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: this.code('SpaFallback', SPA_FALLBACK) }],
      },
      additionalBehaviors: {
        'api/*': {
          origin: new HttpOrigin(apiHost, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY, originSslProtocols: [OriginSslPolicy.TLS_V1_2] }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Every answer of the API is per caller: never cached at the edge.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Authorization, If-Match, Idempotency-Key, Accept-Language… all but Host, which API Gateway needs as its own.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: this.code('StripApiPrefix', STRIP_API_PREFIX) }],
        },
      },
      // No errorResponses: they apply to the whole distribution and would turn the API's 403
      // and 404 problem+json into index.html with a 200. The SPA fallback is a viewer-request function.
    });
    Validations.of(this.distribution).acknowledge(
      { id: 'AwsSolutions-CFR1', reason: 'No geo restriction: staff travel (and the partners abroad are its subject); every API call needs a Cognito token.' },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'A CloudFront WAF web ACL must live in us-east-1, outside this Jakarta stack; the API is throttled per route and every call is authenticated. Attach the agency web ACL by its ARN when it exists.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'The default *.cloudfront.net certificate cannot pin a minimum TLS version; the agency domain (jalin.jakarta.go.id) with an ACM certificate and TLSv1.2_2021 replaces it.',
      },
    );
    this.url = `https://${this.distribution.distributionDomainName}`;

    this.domain = props.userPool.addDomain('ConsoleSignIn', {
      // Globally unique per region: the stage and the account keep stages and agencies apart.
      cognitoDomain: { domainPrefix: `jalin-${props.stage}-${Stack.of(this).account}` },
    });
    this.client = props.userPool.addClient('ConsoleClient', {
      userPoolClientName: 'jalin-console',
      // A browser app keeps no secret: authorization code + PKCE (oidc-client-ts sends the challenge).
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${this.url}${SIGN_IN_PATH}`],
        logoutUrls: [`${this.url}${SIGNED_OUT_PATH}`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // As the API's own client: nobody rewrites their `custom:nip` (infra/auth.ts).
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    const config = consoleConfig({ stage: props.stage, authority: props.issuer, clientId: this.client.userPoolClientId, domain: this.domain.baseUrl() });
    const app = consoleSource(this, props.distPath ?? CONSOLE_DIST);
    // Otherwise CDK makes the helper a log group that is retained on delete and never expires.
    const deploymentLogs = new LogGroup(this, 'DeploymentLogs', { retention: props.logRetention, removalPolicy: props.removalPolicy });
    // Two deployments, each pruning only its own objects: hashed assets kept a year, the rest revalidated.
    new BucketDeployment(this, 'Assets', {
      destinationBucket: this.bucket,
      sources: [app],
      exclude: ['*'],
      include: ['assets/*'],
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
      logGroup: deploymentLogs,
    });
    new BucketDeployment(this, 'Pages', {
      destinationBucket: this.bucket,
      sources: [app, Source.jsonData('config.json', config)],
      exclude: ['assets/*'],
      cacheControl: [CacheControl.fromString('public, max-age=0, must-revalidate')],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 512,
      logGroup: deploymentLogs,
    });
    acknowledgeDeploymentHandler(Stack.of(this), this.bucket);
  }

  private code(id: string, source: string): CloudFrontFunction {
    return new CloudFrontFunction(this, id, { code: FunctionCode.fromInline(source), runtime: FunctionRuntime.JS_2_0 });
  }
}

/** `/config.json` as console/src/config.ts reads it: one build, every stage. */
export function consoleConfig(settings: { stage: string; authority: string; clientId: string; domain: string }) {
  const { stage, ...auth } = settings;
  return { apiBase: '/api', stage, auth: { kind: 'cognito', ...auth } };
}

/**
 * The console's pages are client-side routes (`/kerja-sama/123`): every path is served index.html
 * but the build's files, which are `/assets/…` or at the root (`/config.json`, `/favicon.ico`).
 * Not "any path with a dot": a page's last segment may hold one (`/pelatihan/unit/Kota%20Adm.%20Jakarta%20Barat`).
 * Only this behaviour runs it, never `/api/*`, so an API 404 stays a problem+json 404.
 */
export const SPA_FALLBACK = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var isFile = uri.indexOf('/assets/') === 0 || (uri.lastIndexOf('/') === 0 && uri.indexOf('.') !== -1);
  if (!isFile && uri !== '/api') request.uri = '/index.html';
  return request;
}`;

/** `/api/agreements?x=1` reaches the API as `/agreements?x=1` (the query string travels apart). */
export const STRIP_API_PREFIX = `function handler(event) {
  var request = event.request;
  request.uri = request.uri.replace(/^\\/api(?=\\/|$)/, '') || '/';
  return request;
}`;

/**
 * Scripts only from the console's own origin; styles also inline (the component kit injects
 * `<style>` elements); the browser talks to the API (same origin), to Cognito (sign-in
 * metadata, token endpoint) and to S3 in the stage's region (uploads PUT to presigned URLs,
 * https://<bucket>.s3.<region>.amazonaws.com). S3 by region, not by bucket: the files bucket
 * lets the distribution's origin in by CORS (infra/files.ts), so naming the bucket here would
 * make each wait for the other. Nothing may frame the console.
 */
export function contentSecurityPolicy(region: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' https://cognito-idp.${region}.amazonaws.com https://*.auth.${region}.amazoncognito.com https://*.s3.${region}.amazonaws.com`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The built console, or a page that says the build is missing (and a warning at synthesis). */
function consoleSource(scope: Construct, distPath: string): ISource {
  if (existsSync(`${distPath}/index.html`)) return Source.asset(distPath);
  Annotations.of(scope).addWarningV2('jalin:console-not-built', `${distPath} has no index.html: a placeholder page is deployed. Build the console before deploying.`);
  return Source.data(
    'index.html',
    '<!doctype html><html lang="id"><meta charset="utf-8"><title>Jalin</title><p>Konsol Jalin belum dipasang pada tahap ini. / The Jalin console is not deployed on this stage yet.</p></html>',
  );
}

/**
 * BucketDeployment runs one Lambda function per stack (a singleton) with the AWS-managed basic
 * execution role, CDK's grants on the asset and the console bucket, and a runtime aws-cdk-lib
 * chooses; it runs only while deploying. The bucket's auto-delete provider (stages that are thrown
 * away) likewise.
 */
function acknowledgeDeploymentHandler(stack: Stack, bucket: Bucket): void {
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const granted = [
    'Action::s3:GetBucket*',
    'Action::s3:GetObject*',
    'Action::s3:List*',
    'Action::s3:Abort*',
    'Action::s3:DeleteObject*',
    'Resource::*',
    `Resource::<${stack.getLogicalId(bucket.node.defaultChild as CfnBucket)}.Arn>/*`,
    `Resource::arn:aws:s3:::cdk-hnb659fds-assets-${account}-${region}/*`,
    `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*`,
  ];
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('Custom::CDKBucketDeployment') && !child.node.id.startsWith('Custom::S3AutoDeleteObjects')) continue;
    Validations.of(child).acknowledge(
      { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: "CDK's deployment helper writes its own logs with the basic execution role; it runs only during deployments." },
      ...granted.map((finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason: 'CDK grants its deployment helper the build asset it copies from and the objects of the console bucket it writes (bucket/*): object names are the build\'s.' })),
      { id: 'AwsSolutions-L1', reason: 'The runtime of the deployment helper is chosen by aws-cdk-lib, not by this stack; it runs only during deployments.' },
    );
  }
}
