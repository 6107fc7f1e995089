import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'console/test/**/*.test.ts'],
    // One DynamoDB Local for the whole run; each test file gets its own table.
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup.ts'],
    // The machine is shared and busy: limits here only stop a test that hangs, they never decide
    // whether one passes (speed is measured by `npm run bench`).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    env: {
      JALIN_QUIET: '1',
      AWS_REGION: 'ap-southeast-3',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // DynamoDB Local on a loaded machine can take seconds to answer; the product's 2 s would make
      // tests see 503s that say nothing about the code (the faults test lowers it to test them).
      DYNAMODB_REQUEST_TIMEOUT_MS: '20000',
    },
  },
});
