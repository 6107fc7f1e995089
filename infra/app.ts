import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { JalinStack } from './stack.ts';
import { resolveStage, type StageConfig } from './stages.ts';

export interface BuildAppOptions {
  /** CDK context, as `cdk -c key=value` would give it: `stage` and any setting of infra/stages.ts. */
  context?: Record<string, unknown>;
  /** Where the cloud assembly goes; the CLI passes it through the environment otherwise. */
  outdir?: string;
  /** Tests skip esbuild: the template is all they look at. */
  bundling?: boolean;
}

/**
 * The CDK app with one Jalin stack, checked by cdk-nag's AwsSolutions pack. Any finding that is
 * not acknowledged (with a reason) next to the construct it concerns fails the synthesis. The
 * stack is pinned to its stage's account and to Jakarta, so that `cdk deploy` with the
 * credentials of another account fails instead of deploying one stage over another.
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

  const config = resolveStage((key) => app.node.tryGetContext(key));
  const tags = { project: 'jalin', stage: config.stage };
  const stack = new JalinStack(app, `Jalin-${config.stage}`, {
    config,
    description: `Jalin API (${config.stage})`,
    env: { account: config.account ?? process.env.CDK_DEFAULT_ACCOUNT, region: config.region },
    // prod cannot be deleted by a stray `cdk destroy`; dev and other stages can, completely.
    terminationProtection: config.production,
    // With @aws-cdk/core:explicitStackTags, the stack's own tags are given here (they reach every resource on deploy).
    tags,
  });
  for (const [key, value] of Object.entries(tags)) Tags.of(app).add(key, value);
  return { app, stack, config };
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
  buildApp().app.synth();
}
