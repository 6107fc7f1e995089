import { backfillLaterNameWords } from '../../shared/training/service/name-backfill.ts';

/**
 * `npm run index-names`: once after upgrading a deployed table (TABLE_NAME and AWS credentials of
 * the stage), so that employees stored earlier are found by the later words of their name too.
 */
try {
  const counts = await backfillLaterNameWords((line) => console.log(line));
  console.log(`${counts.employees} employees read: ${counts.indexed} indexed, ${counts.nothingToIndex} with nothing to index (one-word names), ${counts.changedMeanwhile} changed at every attempt (run again)`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
