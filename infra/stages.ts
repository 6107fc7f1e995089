import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod/mini';
import type { RouteDefinition } from '../shared/http/route.ts';
import { routes } from '../shared/http/routes.ts';

/**
 * One typed configuration per stage. The values below are the reviewed defaults; anything can be
 * given or overridden with CDK context (`-c alarmEmails=ops@jakarta.go.id`, or under
 * `"stages": { "prod": { … } }` in cdk.json), which is how account numbers and addresses reach a
 * stage without living in this file. For prod, every setting that tells stages apart must be
 * given: a missing one fails the synthesis and names itself.
 */

/** Jakarta: the data of a regional government stays in Indonesia. Every stage deploys here. */
export const REGION = 'ap-southeast-3';

const email = z.email();
const domain = z.string().check(z.regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a lower-case domain name'));
const origin = z.string().check(z.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'must be an origin such as https://jalin.jakarta.go.id'));
/** Lists come from `-c key=a,b` as one string, or from cdk.json as arrays. */
const list = <T extends z.core.$ZodType<string, string>>(item: T) =>
  z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.pipe(
      z.transform((value: string | string[]) => (Array.isArray(value) ? value : value.split(',')).map((entry) => entry.trim()).filter(Boolean)),
      z.array(item).check(z.minLength(1)),
    ),
  );
const whole = (min: number, max: number) => z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max));
const throttle = z.object({ rateLimit: whole(1, 10_000), burstLimit: whole(1, 5_000) });
const routeKeys = Object.values(routes as Record<string, RouteDefinition>).map((route) => `${route.method} ${route.path}`);
const retention = z.coerce.number().check(z.refine((days) => Object.values(RetentionDays).includes(days), 'must be a CloudWatch retention such as 30, 90 or 365'));

const stageSchema = z.object({
  /** The AWS account the stage lives in: `cdk deploy` refuses credentials of another account. */
  account: z.optional(z.string().check(z.regex(/^\d{12}$/, 'must be a 12-digit AWS account id'))),
  /** The SES identity the alerts and Cognito's invitations are sent from. */
  senderEmail: email,
  /**
   * The sender's domain is verified in SES (its DKIM records, output by the first deploy, are
   * published): only then can Cognito send its invitations through it. `-c senderVerified=true`.
   */
  senderVerified: z._default(z.stringbool(), false),
  /** Who the alarms reach (an email subscription each; confirm the first mail). */
  alarmEmails: list(email),
  /** Browser origins allowed by CORS (the staff console). */
  allowedOrigins: list(origin),
  /** Alert emails go only to these domains (and their subdomains); anything else is refused before SES. */
  recipientDomains: list(domain),
  /** Who receives the monthly per-unit training summary. */
  trainingAdminEmails: list(email),
  alertLanguage: z._default(z.enum(['id', 'en']), 'id'),
  /** Function logs, in days. */
  logRetentionDays: retention,
  /** API access logs, in days: they hold IP addresses, so they are kept only as long as abuse is investigated. */
  accessLogRetentionDays: retention,
  /** Every route's steady rate (requests/s) and burst. */
  throttle,
  /** Tighter limits for the routes that read or write in bulk, by route key (`POST /trainings/import`). */
  routeThrottles: z.record(z.string().check(z.refine((key) => routeKeys.includes(key), 'must be a route key of shared/http/routes.ts')), throttle),
  /** The SES account's maximum send rate (messages/s, see the SES console): the email fan-out stays under it. */
  sesSendRate: whole(1, 500),
});

export type StageSettings = z.output<typeof stageSchema>;
type StageInput = Partial<z.input<typeof stageSchema>>;

/** What every stage shares unless it says otherwise. */
const common: StageInput = {
  alertLanguage: 'id',
  throttle: { rateLimit: 50, burstLimit: 100 },
  // Imports write up to 16 transactions per row in flight; compliance reads a whole unit.
  routeThrottles: {
    'POST /trainings/import': { rateLimit: 1, burstLimit: 2 },
    'GET /compliance': { rateLimit: 5, burstLimit: 10 },
    'GET /compliance/summary': { rateLimit: 2, burstLimit: 4 },
  },
  // A new SES account out of the sandbox starts at 14 messages/s.
  sesSendRate: 14,
};

export const stageDefaults: Record<string, StageInput> = {
  // A developer's playground: example addresses, a month of logs, destroyed with the stack.
  dev: {
    ...common,
    senderEmail: 'jalin-dev@example.com',
    alarmEmails: ['jalin-dev@example.com'],
    allowedOrigins: ['http://localhost:5173'],
    recipientDomains: ['example.com'],
    trainingAdminEmails: ['jalin-dev@example.com'],
    logRetentionDays: RetentionDays.ONE_MONTH,
    accessLogRetentionDays: RetentionDays.ONE_WEEK,
    sesSendRate: 1,
  },
  // The addresses and the account come from context (see the README, "Deploying to AWS").
  prod: {
    ...common,
    logRetentionDays: RetentionDays.ONE_YEAR,
    accessLogRetentionDays: RetentionDays.THREE_MONTHS,
  },
};

/** The resolved configuration of one stage, as the stack uses it. */
export interface StageConfig extends StageSettings {
  stage: string;
  production: boolean;
  region: typeof REGION;
  logRetention: RetentionDays;
  accessLogRetention: RetentionDays;
  /** Logs, the table, the user pool and keys: RETAIN in prod, DESTROY where a stage is thrown away. */
  removalPolicy: RemovalPolicy;
}

/** Every key of the stage settings, to read them one by one from `-c key=value`. */
const keys = Object.keys(stageSchema.shape) as (keyof StageSettings)[];

/**
 * The stage named by context `stage` (default `dev`): its defaults, then cdk.json's
 * `stages.<stage>`, then single `-c key=value` settings. A stage without defaults (e.g. `staging`)
 * starts from what every stage shares and must be given the rest, like prod.
 */
export function resolveStage(context: (key: string) => unknown): StageConfig {
  const stage = String(context('stage') ?? 'dev');
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
    throw new Error(`Context "stage" must be lowercase letters, digits and dashes (got "${stage}").`);
  }
  const production = stage === 'prod';
  const fromFile = ((context('stages') ?? {}) as Record<string, StageInput>)[stage] ?? {};
  const fromFlags = Object.fromEntries(keys.flatMap((key) => (context(key) === undefined ? [] : [[key, context(key)]])));
  const input = { ...(stageDefaults[stage] ?? common), ...fromFile, ...fromFlags };
  const parsed = stageSchema.safeParse(input);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`)),
    ...(production && input.account === undefined ? ['account is required for prod (its AWS account id)'] : []),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new Error(`Stage "${stage}" is not configured completely: ${problems.join('; ')}. Give them with -c key=value or under "stages" in cdk.json.`);
  }
  const settings = parsed.data!;
  return {
    ...settings,
    stage,
    production,
    region: REGION,
    logRetention: settings.logRetentionDays as RetentionDays,
    accessLogRetention: settings.accessLogRetentionDays as RetentionDays,
    removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  };
}
