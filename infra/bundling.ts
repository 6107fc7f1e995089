/**
 * How every Lambda function is bundled, in one place: infra/lambda.ts hands these options to
 * NodejsFunction (which runs esbuild with them), and bench/cold-start.ts runs esbuild with the same
 * options to measure what would be deployed. Plain data, no CDK import, so that both can read it.
 *
 * NodejsFunction turns them into `esbuild --bundle <entry> --platform=node --target=… --format=…
 * --minify --main-fields=… --banner:js=…`, with no `--external` since nothing is external.
 */
export const lambdaBundling = {
  format: 'esm',
  /** The syntax level of the runtime in infra/lambda.ts (Node.js 24): bump both together. */
  target: 'node24',
  platform: 'node',
  minify: true,
  /** Prefer packages' ESM builds, so that esbuild can tree-shake them. */
  mainFields: ['module', 'main'],
  /**
   * ESM has no `require`, but some CommonJS dependencies call it for Node built-ins
   * ("Dynamic require of node:https is not supported" without this).
   */
  banner: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
  /** Bundle the SDK version the code was tested with, not whatever the runtime ships. */
  bundleAwsSDK: true,
  externalModules: [] as string[],
} as const;

/** The same options in esbuild's own API shape (`esbuild.build`), for tools outside CDK. */
export function esbuildOptions(entry: string, outfile: string) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: lambdaBundling.platform,
    format: lambdaBundling.format,
    target: lambdaBundling.target,
    minify: lambdaBundling.minify,
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    external: [...lambdaBundling.externalModules],
  };
}
