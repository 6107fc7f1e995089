import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Runs in the fresh process: how long the first `import()` of the bundle takes, and nothing else. */
const probe = 'const start = performance.now(); await import(process.env.BUNDLE_URL); process.stdout.write(String(performance.now() - start));';

/**
 * Milliseconds that a fresh Node process spends loading and evaluating `file` (what a Lambda cold
 * start spends on the module before the first invocation), measured inside that process.
 */
export function importMilliseconds(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', probe], {
      env: { PATH: process.env.PATH ?? '', BUNDLE_URL: pathToFileURL(file).href },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const value = Number(out);
      if (code === 0 && Number.isFinite(value) && out !== '') resolve(value);
      else reject(new Error(`loading ${file} failed (exit ${code}): ${err.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}
