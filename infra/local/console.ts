import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groups, type Group } from '../../shared/http/auth.ts';
import { problemResponse } from '../../shared/http/problem.ts';
import { checkNip } from '../../shared/training/nip.ts';
import { mintToken } from './tokens.ts';

/**
 * The console as `npm start` serves it (on AWS: S3 behind CloudFront, infra/console.ts):
 * the built files of console/dist, `index.html` for the console's own paths only (an API path
 * that does not exist stays the API's 404), `/config.json` saying "sign in locally", and the
 * local sign-in endpoint that mints the tokens `npm run token` prints. None of this exists on AWS.
 */
export const defaultConsoleDist = fileURLToPath(new URL('../../console/dist', import.meta.url));

/** The console's pages (Indonesian paths, never an API path): part 1 and part 2. */
const consolePages = /^\/(masuk|kerja-sama(\/[^/]+(\/ubah)?)?|kalender|statistik|notifikasi|pelatihan(\/unit\/[^/]+)?|pegawai(\/[^/]+)?|program-pelatihan(\/[^/]+)?|impor-roster|target-tahunan|jam-pelajaran-saya)?\/?$/;

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** What CloudFront adds on AWS: a strict CSP (Mantine injects style elements, hence 'unsafe-inline' for styles only). */
const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

function sendFile(response: ServerResponse, status: number, body: Buffer | string, type: string, cache: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': cache, ...securityHeaders });
  response.end(body);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

function sendProblem(response: ServerResponse, status: number, detail: string, errors?: { path: string; message: string }[]): void {
  const problem = problemResponse(status, detail, errors ? { errors } : {});
  response.writeHead(problem.statusCode ?? status, problem.headers as Record<string, string>);
  response.end(problem.body);
}

/** POST /local/sign-in `{ group, nip? }` → `{ token }`: the same token as `npm run token -- <group> [--nip]`. */
async function signIn(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = (await readJson(request)) as { group?: string; nip?: string } | undefined;
  const group = body?.group as Group | undefined;
  if (!group || !groups.includes(group)) return sendProblem(response, 400, `group must be one of: ${groups.join(', ')}`, [{ path: 'group', message: 'unknown group' }]);
  let nip: string | undefined;
  if (group === 'employee') {
    nip = String(body?.nip ?? '');
    const check = checkNip(nip);
    if (!check.valid) return sendProblem(response, 400, `The NIP is not valid: ${check.problems.join('; ')}`, [{ path: 'nip', message: check.problems.join('; ') }]);
  }
  const token = await mintToken({ groups: [group], ...(nip ? { nip } : {}) });
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify({ token }));
}

/**
 * Serves the request if it is the console's; returns false for everything else (the API).
 * Only GET/HEAD of console paths, assets and config, plus the local sign-in.
 */
export async function serveConsole(request: IncomingMessage, response: ServerResponse, pathname: string, dist: string): Promise<boolean> {
  const method = request.method ?? 'GET';
  if (pathname === '/local/sign-in' && method === 'POST') {
    await signIn(request, response);
    return true;
  }
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (pathname === '/config.json') {
    sendFile(response, 200, JSON.stringify({ auth: { kind: 'local' }, apiBase: '/api', stage: 'local' }), 'application/json', 'no-cache');
    return true;
  }
  if (pathname.startsWith('/assets/')) {
    const file = normalize(join(dist, pathname));
    if (!file.startsWith(join(dist, 'assets'))) return false;
    const body = await readFile(file).catch(() => undefined);
    if (!body) return false;
    // Hashed names: a new build is a new name, so these never need revalidating.
    sendFile(response, 200, body, contentTypes[extname(file)] ?? 'application/octet-stream', 'public, max-age=31536000, immutable');
    return true;
  }
  if (consolePages.test(pathname)) {
    const index = await readFile(join(dist, 'index.html')).catch(() => undefined);
    if (!index) {
      sendFile(response, 503, 'The console is not built: run `npm run console:build` (npm start does it).', 'text/plain; charset=utf-8', 'no-store');
      return true;
    }
    sendFile(response, 200, index, 'text/html; charset=utf-8', 'no-cache');
    return true;
  }
  return false;
}
