import createClient, { type Middleware } from 'openapi-fetch';
import { clearSession, currentSession } from '../auth/session.ts';
import { config } from '../config.ts';
import { activeLanguage } from '../i18n/language.tsx';
import { problemOf } from './problem.ts';
import type { operations, paths } from './schema';

type Ok<Operation extends keyof operations> = operations[Operation]['responses'] extends { 200: { content: { 'application/json': infer Body } } } ? Body : never;
export type Agreement = Ok<'getAgreement'>;
export type AuditEntry = Ok<'agreementHistory'>['items'][number];
export type Alert = Ok<'listAlerts'>['items'][number];
export type Page<T> = { items: T[]; nextCursor?: string };

/** Every request carries the session's ID token and the UI's language (errors come back in it). */
const credentials: Middleware = {
  onRequest({ request }) {
    const session = currentSession();
    if (session) request.headers.set('authorization', `Bearer ${session.token}`);
    request.headers.set('accept-language', activeLanguage() === 'en' ? 'en' : 'id, en;q=0.5');
    return request;
  },
  onResponse({ response }) {
    // An expired or revoked token: forget the session and sign in again, then come back.
    if (response.status === 401) {
      clearSession();
      location.assign(`/masuk?kembali=${encodeURIComponent(location.pathname + location.search)}`);
    }
    return response;
  },
};

let client: ReturnType<typeof createClient<paths>> | undefined;

/** The typed client of the API's OpenAPI document (same origin, under /api). */
export function api() {
  if (!client) {
    client = createClient<paths>({ baseUrl: config().apiBase });
    client.use(credentials);
  }
  return client;
}

/** The body of a successful answer, or an ApiError with the problem the API sent. */
export async function unwrap<T>(call: Promise<{ data?: T; response: Response }>): Promise<NonNullable<T>> {
  const { data, response } = await call;
  if (!response.ok) throw await problemOf(response);
  return data as NonNullable<T>;
}

/** Like unwrap, with the ETag (the version an edit sends back in If-Match). */
export async function withEtag<T>(call: Promise<{ data?: T; response: Response }>): Promise<{ data: NonNullable<T>; etag: string }> {
  const { data, response } = await call;
  if (!response.ok) throw await problemOf(response);
  return { data: data as NonNullable<T>, etag: response.headers.get('etag') ?? `"${(data as { version?: number }).version ?? ''}"` };
}

/**
 * Endpoints other parts of the API are adding (dormant, statistics, documents, export), not yet
 * in the generated types: the same credentials, no types. Callers treat a 404 as "not there yet".
 */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const session = currentSession();
  if (session) headers.set('authorization', `Bearer ${session.token}`);
  headers.set('accept-language', activeLanguage() === 'en' ? 'en' : 'id, en;q=0.5');
  const response = await fetch(`${config().apiBase}${path}`, { ...init, headers });
  if (!response.ok) throw await problemOf(response);
  return response;
}

export async function apiJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  return (await apiFetch(path, init)).json() as Promise<T>;
}

/** Every page of a list, for views that need the whole set (inbox, calendar); bounded. */
export async function allPages<T>(fetchPage: (cursor?: string) => Promise<Page<T>>, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}
