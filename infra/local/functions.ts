import type { Context } from 'aws-lambda';
import { fileURLToPath, pathToFileURL } from 'node:url';

const loaded = new Map<string, Promise<unknown>>();

/**
 * The `handler` export of functions/<entry>.ts: the very module CDK bundles for that function,
 * loaded once per process (by file URL, which also works under Vitest).
 */
export function loadHandler<H>(entry: string): Promise<H> {
  let handler = loaded.get(entry);
  if (!handler) {
    const file = pathToFileURL(fileURLToPath(new URL(`../../functions/${entry}.ts`, import.meta.url))).href;
    handler = import(/* @vite-ignore */ file).then((module: { handler: H }) => module.handler);
    loaded.set(entry, handler);
  }
  return handler as Promise<H>;
}

/** The context Lambda passes a handler, as far as Jalin's functions read it. */
export function lambdaContext(functionName: string, requestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
