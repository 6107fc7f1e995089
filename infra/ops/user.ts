import { parseUserCommand, runUserCommand } from './users.ts';

/** `npm run user -- add|remove …`: see infra/ops/users.ts and the README ("People"). */
try {
  console.log(await runUserCommand(parseUserCommand(process.argv.slice(2))));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
