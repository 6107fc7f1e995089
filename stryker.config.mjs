// @ts-check
/**
 * Mutation testing of the pure rules (`npm run mutation`): each mutant runs only the unit tests
 * (vitest.unit.config.ts, no DynamoDB). The machine is shared with two cores, hence concurrency 2,
 * and runs are incremental: only mutants whose code or tests changed are run again.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  mutate: [
    'shared/agreements/rules.ts',
    'shared/training/rules.ts',
    'shared/alerts/rules.ts',
    'shared/training/nip.ts',
    'shared/time/calendar.ts',
    'shared/db/cursor.ts',
    'shared/http/problem.ts',
    'shared/training/repository/name-index.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
