import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, type Environment, RemovalPolicy, Tags, Validations } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { JalinStack, type StageConfig } from './stack.ts';

export interface BuildAppOptions {
  /** CDK context, as `cdk -c key=value` would give it: `stage`, `senderEmail`, `logRetentionDays`. */
  context?: Record<string, unknown>;
  /** Where the cloud assembly goes; the CLI passes it through the environment otherwise. */
  outdir?: string;
  /** Tests skip esbuild: the template is all they look at. */
  bundling?: boolean;
  env?: Environment;
}

/**
 * The CDK app with one Jalin stack, checked by cdk-nag's AwsSolutions pack. Any finding that is
 * not acknowledged (with a reason) next to the construct it concerns fails the synthesis.
 */
export function buildApp(options: BuildAppOptions = {}): { app: App; stack: JalinStack; config: StageConfig } {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    // Synthesize when asked (the CLI run below, Template.fromStack), never at process exit.
    autoSynth: false,
    context: {
      ...options.context,
      ...(options.bundling === false ? { 'aws:cdk:bundling-stacks': [] } : {}),
    },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

  const config = stageConfig(app);
  const stack = new JalinStack(app, `Jalin-${config.stage}`, {
    config,
    description: `Jalin API (${config.stage})`,
    ...(options.env ? { env: options.env } : {}),
  });
  Tags.of(app).add('project', 'jalin');
  Tags.of(app).add('stage', config.stage);
  return { app, stack, config };
}

function stageConfig(app: App): StageConfig {
  const context = (key: string): unknown => app.node.tryGetContext(key);

  const stage = String(context('stage') ?? 'dev');
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(stage)) {
    throw new Error(`Context "stage" must be lowercase letters, digits and dashes (got "${stage}").`);
  }
  const production = stage === 'prod';

  const days = Number(context('logRetentionDays') ?? (production ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH));
  if (!Object.values(RetentionDays).includes(days)) {
    throw new Error(`Context "logRetentionDays" must be a CloudWatch retention such as 30, 90 or 365 (got ${days}).`);
  }

  const senderEmail = String(context('senderEmail') ?? `jalin-${stage}@example.com`);
  if (!/^[^\s@]+@[^\s@]+$/.test(senderEmail)) throw new Error(`Context "senderEmail" must be an email address (got "${senderEmail}").`);
  const trainingAdminEmails = String(context('trainingAdminEmails') ?? senderEmail).split(',').map((address) => address.trim()).filter(Boolean);
  const alertLanguage = context('alertLanguage') === 'en' ? 'en' : 'id';
  return {
    stage,
    logRetention: days as RetentionDays,
    logRemovalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    senderEmail,
    trainingAdminEmails,
    alertLanguage,
  };
}

/** True when this file is the program (`npx tsx infra/app.ts`, as cdk.json runs it), not an import. */
function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const { app } = buildApp({
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  app.synth();
}
