import { describe, expect, it } from 'vitest';
import { consoleConfig, contentSecurityPolicy, SPA_FALLBACK, STRIP_API_PREFIX } from '../../infra/console.ts';
import { ofType, prodContext, synth, type Resource } from './support.ts';

/** Issue 13 "On AWS": the console from S3 behind CloudFront, the API on the same origin under /api. */
const { resources, template } = synth(prodContext);

const one = (type: string): Resource => {
  const found = ofType(resources, type);
  expect(found, type).toHaveLength(1);
  return found[0]![1];
};
const json = JSON.stringify;

/** A CloudFront Function's code as CloudFront runs it (cloudfront-js-2.0 is ES5 plus a few ES6 features). */
function runFunction(code: string, uri: string): string {
  const handler = new Function(`${code}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
  return handler({ request: { uri } }).uri;
}

describe('the console bucket', () => {
  const buckets = ofType(resources, 'AWS::S3::Bucket');
  const [siteId, site] = buckets.find(([id]) => id.includes('ConsoleSite'))!;

  it('is private, encrypted, and logged', () => {
    expect(site.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(site.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(site.Properties.OwnershipControls.Rules[0].ObjectOwnership).toBe('BucketOwnerEnforced');
    expect(site.Properties.LoggingConfiguration.LogFilePrefix).toBe('s3/');
    expect(site.DeletionPolicy).toBe('Retain');
  });

  it('refuses anything but TLS, and lets only this distribution read (origin access control)', () => {
    const policy = ofType(resources, 'AWS::S3::BucketPolicy').find(([, resource]) => json(resource.Properties.Bucket).includes(siteId))![1];
    const statements = policy.Properties.PolicyDocument.Statement as Record<string, any>[];
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    const read = statements.find((statement) => statement.Principal?.Service === 'cloudfront.amazonaws.com')!;
    expect(read).toMatchObject({ Effect: 'Allow', Action: 's3:GetObject' });
    expect(json(read.Condition)).toContain('AWS:SourceArn');
    expect(one('AWS::CloudFront::OriginAccessControl').Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
  });

  it('keeps the access logs (IP addresses) only as long as the API access logs', () => {
    const [, logs] = buckets.find(([id]) => id.includes('ConsoleAccessLogs'))!;
    expect(logs.Properties.LifecycleConfiguration.Rules[0]).toMatchObject({ ExpirationInDays: 90, Status: 'Enabled' });
  });
});

describe('the distribution', () => {
  const config = one('AWS::CloudFront::Distribution').Properties.DistributionConfig;
  const api = config.CacheBehaviors.find((behavior: { PathPattern: string }) => behavior.PathPattern === 'api/*');

  it('has no distribution-wide error responses, which would turn API errors into index.html', () => {
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Logging.Prefix).toBe('cloudfront/');
  });

  it('routes /api/* to the HTTP API over TLS, uncached, with every viewer header but Host', () => {
    expect(config.CacheBehaviors).toHaveLength(1);
    expect(api).toMatchObject({ ViewerProtocolPolicy: 'https-only', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac' });
    expect(api.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']);
    const origin = config.Origins.find((candidate: { Id: string }) => candidate.Id === api.TargetOriginId);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(json(origin.DomainName)).toContain('ApiEndpoint');
    expect(origin.OriginPath).toBeUndefined();
  });

  it('runs the SPA fallback on the console behaviour only, and strips /api on the API behaviour', () => {
    const functions = Object.fromEntries(ofType(resources, 'AWS::CloudFront::Function').map(([id, resource]) => [id, resource.Properties.FunctionCode as string]));
    const codeOf = (association: { FunctionARN: { 'Fn::GetAtt': [string] } }) => functions[association.FunctionARN['Fn::GetAtt'][0]];
    expect(config.DefaultCacheBehavior.FunctionAssociations.map(codeOf)).toEqual([SPA_FALLBACK]);
    expect(config.DefaultCacheBehavior.FunctionAssociations[0].EventType).toBe('viewer-request');
    expect(api.FunctionAssociations.map(codeOf)).toEqual([STRIP_API_PREFIX]);
  });

  it('falls back to index.html for page paths, never for files', () => {
    const unitWithADot = '/pelatihan/unit/Kota%20Adm.%20Jakarta%20Barat';
    for (const page of ['/', '/kerja-sama', '/kerja-sama/abc-123/ubah', '/pegawai/198609262015051001', '/masuk', unitWithADot, '/pelatihan/unit/Dinas%20P.U.']) expect(runFunction(SPA_FALLBACK, page)).toBe('/index.html');
    for (const file of ['/config.json', '/assets/index-AbC123.js', '/favicon.ico', '/api']) expect(runFunction(SPA_FALLBACK, file)).toBe(file);
  });

  it('strips /api and nothing else', () => {
    expect(runFunction(STRIP_API_PREFIX, '/api/agreements/x')).toBe('/agreements/x');
    expect(runFunction(STRIP_API_PREFIX, '/api')).toBe('/');
    expect(runFunction(STRIP_API_PREFIX, '/api/')).toBe('/');
    expect(runFunction(STRIP_API_PREFIX, '/apiary/x')).toBe('/apiary/x');
  });

  it('sends the security headers with every answer: a strict CSP, HSTS, no framing, no sniffing', () => {
    const policy = one('AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(policy.ContentSecurityPolicy.ContentSecurityPolicy).toBe(contentSecurityPolicy('ap-southeast-3'));
    expect(policy.ContentSecurityPolicy.ContentSecurityPolicy).toContain("script-src 'self';");
    // Uploads PUT to presigned URLs of the files bucket (https://<bucket>.s3.<region>.amazonaws.com).
    expect(policy.ContentSecurityPolicy.ContentSecurityPolicy).toMatch(/connect-src [^;]*https:\/\/\*\.s3\.ap-southeast-3\.amazonaws\.com/);
    expect(policy.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true, Override: true });
    expect(policy.FrameOptions.FrameOption).toBe('DENY');
    expect(policy.ContentTypeOptions.Override).toBe(true);
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual(api.ResponseHeadersPolicyId);
  });

  it('lets the objects decide how long they are cached (max-age=0 revalidates)', () => {
    const cache = ofType(resources, 'AWS::CloudFront::CachePolicy')[0]![1].Properties.CachePolicyConfig;
    expect(cache.MinTTL).toBe(0);
    expect(json(config.DefaultCacheBehavior.CachePolicyId)).toContain('ConsoleSiteCache');
  });
});

describe('deploying the build', () => {
  const deployments = ofType(resources, 'Custom::CDKBucketDeployment');

  it('writes hashed assets immutable, and index.html and config.json with max-age=0', () => {
    expect(deployments).toHaveLength(2);
    const byInclude = (assets: boolean) => deployments.find(([id]) => id.includes(assets ? 'ConsoleAssets' : 'ConsolePages'))![1].Properties;
    expect(byInclude(true)).toMatchObject({ Include: ['assets/*'], Exclude: ['*'], SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' } });
    expect(byInclude(false)).toMatchObject({ Exclude: ['assets/*'], SystemMetadata: { 'cache-control': 'public, max-age=0, must-revalidate' }, DistributionPaths: ['/index.html', '/config.json'] });
  });

  it('is part of every stack (no context flag), its copying helper logging to a log group with a retention', () => {
    const [, helper] = ofType(resources, 'AWS::Lambda::Function').find(([id]) => id.startsWith('CustomCDKBucketDeployment'))!;
    const logGroup = resources[helper.Properties.LoggingConfig.LogGroup.Ref]!;
    expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
    expect(logGroup.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('writes config.json at deploy time: the API under /api, Cognito, the stage', () => {
    const pages = deployments.find(([id]) => id.includes('ConsolePages'))![1].Properties;
    const markers = json(pages.SourceMarkers);
    // The deploy-time values: the pool (issuer), the console's client and its hosted sign-in domain.
    for (const expected of ['"Ref":"AuthUserPool', 'AuthUserPoolConsoleClient', 'AuthUserPoolConsoleSignIn']) expect(markers).toContain(expected);
    expect(pages.SourceObjectKeys).toHaveLength(2);
    expect(consoleConfig({ stage: 'prod', authority: 'https://issuer', clientId: 'c', domain: 'https://d' })).toEqual({
      apiBase: '/api',
      stage: 'prod',
      auth: { kind: 'cognito', authority: 'https://issuer', clientId: 'c', domain: 'https://d' },
    });
  });
});

describe('signing in to the console', () => {
  const clients = ofType(resources, 'AWS::Cognito::UserPoolClient');
  const [consoleId, client] = clients.find(([id]) => id.includes('ConsoleClient'))!;

  it('is a public client with the authorization code flow (PKCE), callbacks on the distribution', () => {
    expect(client.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
      WriteAttributes: ['name'],
    });
    expect(json(client.Properties.CallbackURLs)).toMatch(/DomainName.*\/masuk/);
    expect(json(client.Properties.LogoutURLs)).toContain('DomainName');
    expect(one('AWS::Cognito::UserPoolDomain').Properties.Domain).toBe('jalin-prod-123456789012');
  });

  it('is accepted by the API authorizer, as the API client is', () => {
    const authorizer = one('AWS::ApiGatewayV2::Authorizer');
    expect(json(authorizer.Properties.JwtConfiguration.Audience)).toContain(consoleId);
    expect(authorizer.Properties.JwtConfiguration.Audience).toHaveLength(2);
  });

  it('outputs the console URL', () => {
    expect(json(template.toJSON().Outputs.ConsoleUrl.Value)).toContain('ConsoleDistribution');
  });
});
