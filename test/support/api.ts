import { afterAll, beforeAll } from 'vitest';
import type { Group } from '../../shared/http/auth.ts';
import { startServer, type RunningServer } from '../../infra/local/server.ts';
import { mintToken } from '../../infra/local/tokens.ts';
import { useTestTable } from './database.ts';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is instead of JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/**
 * The local server (the real one `npm start` runs) on a free port, over a fresh table, with a
 * `call` helper that sends JSON and parses JSON or problem+json back.
 */
export function useLocalApi() {
  const database = useTestTable();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const call = callerFor(() => server.url);

  return { call, url: () => server.url, database };
}

/** Sends JSON (or a raw body) with an optional bearer token, and parses JSON or problem+json back. */
export function callerFor(baseUrl: () => string) {
  return async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T> & { elapsedMs: number }> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const started = performance.now();
    const response = await fetch(`${baseUrl()}${path}`, { method, headers, body, signal: AbortSignal.timeout(150_000) });
    const text = await response.text();
    const elapsedMs = performance.now() - started;
    let parsed: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, elapsedMs };
  };
}

export function tokenFor(group: Group, options: { nip?: string; subject?: string } = {}): Promise<string> {
  return mintToken({ groups: [group], ...options });
}

/**
 * Sends again while the answer is 503 ("retry shortly"), as a well-behaved client does. On a busy
 * machine transactions on one item contend for longer and may give up; a race test then checks
 * what must hold whatever the timing. Keyed POSTs replay, so a retry never writes twice.
 */
export async function untilServed<T>(send: () => Promise<ApiResponse<T>>, attempts = 40): Promise<ApiResponse<T>> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await send();
    if (response.status !== 503 || attempt === attempts) return response;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 100 * Math.min(attempt, 10)));
  }
}
