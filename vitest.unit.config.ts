import { defineConfig } from 'vitest/config';

/**
 * The unit tests alone (pure rules, no DynamoDB Local): what Stryker runs for every mutant, so
 * it carries no globalSetup and no AWS mocks. `npm test` keeps using vitest.config.ts.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    env: { JALIN_QUIET: '1', AWS_REGION: 'ap-southeast-3' },
  },
});
