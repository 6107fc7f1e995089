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

  async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${server.url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  return { call, url: () => server.url, database };
}

export function tokenFor(group: Group, options: { nip?: string; subject?: string } = {}): Promise<string> {
  return mintToken({ groups: [group], ...options });
}
