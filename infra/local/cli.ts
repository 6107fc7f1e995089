import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The command line of a local tool, parsed strictly: `--help` prints the usage; an unknown
 * option, a missing value or a stray argument prints one line saying what is wrong, then the
 * usage, and exits with 2 (never a stack trace).
 */
export function commandLine<const O extends Options>(usage: string, options: O, positionals: { min: number; max: number } = { min: 0, max: 0 }) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(explain(error as Error & { code?: string }), usage);
  }
  const extra = parsed.positionals[positionals.max];
  if (extra !== undefined) {
    const hint = /^\[|\]$/.test(extra) ? ' (brackets in a usage mark what is optional: leave them out)' : '';
    return usageError(`unexpected argument ${JSON.stringify(extra)}${hint}`, usage);
  }
  if (parsed.positionals.length < positionals.min) return usageError('an argument is missing', usage);
  return parsed;
}

/** One line saying what is wrong, the usage, exit code 2. */
export function usageError(message: string, usage: string): never {
  console.error(`error: ${message}\n${usage}`);
  process.exit(2);
}

/** A port given on the command line: a whole number from 1 to 65535. */
export function portOption(value: string | undefined, name: string, usage: string): number | undefined {
  if (value === undefined) return undefined;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 1 && port <= 65_535)) usageError(`--${name} must be a port number from 1 to 65535 (got ${JSON.stringify(value)})`, usage);
  return port;
}

function explain(error: Error & { code?: string }): string {
  const option = /'(-[^']*)'/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? error.message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return option ? `option ${option.split(' ')[0]} needs a value` : error.message;
    default:
      return error.message.split('\n')[0]!;
  }
}
