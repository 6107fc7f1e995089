import { groups as knownGroups, type Group } from '../../../shared/http/auth.ts';

/**
 * Who is signed in. Personal data (the token carries a NIP) lives in sessionStorage only: it
 * dies with the tab and is wiped on sign-out, never kept on a shared office PC (UU PDP 27/2022).
 */
export interface Session {
  token: string;
  groups: Group[];
  nip?: string;
  subject: string;
  /** Seconds since the epoch, from the token's `exp`. */
  expiresAt: number;
}

const KEY = 'jalin.session';
const listeners = new Set<() => void>();

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

/** The session an ID token describes (groups as Cognito writes them: an array, or text as API Gateway flattens them). */
export function sessionFromToken(token: string): Session {
  const claims = claimsOf(token);
  const raw = claims['cognito:groups'];
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/) : [];
  return {
    token,
    groups: list.filter((group): group is Group => (knownGroups as readonly string[]).includes(group)),
    ...(typeof claims['custom:nip'] === 'string' ? { nip: claims['custom:nip'] } : {}),
    subject: String(claims.sub ?? ''),
    expiresAt: Number(claims.exp ?? 0),
  };
}

export function currentSession(): Session | undefined {
  const text = sessionStorage.getItem(KEY);
  if (!text) return undefined;
  // Expiry is the API's to judge (a 401 signs out): the browser's clock may be wrong.
  return JSON.parse(text) as Session;
}

export function saveSession(token: string): Session {
  const session = sessionFromToken(token);
  sessionStorage.setItem(KEY, JSON.stringify(session));
  listeners.forEach((listener) => listener());
  return session;
}

/** Forgets everything this tab kept: the token and any cached personal data. */
export function clearSession(): void {
  sessionStorage.clear();
  listeners.forEach((listener) => listener());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasAnyGroup(session: Session | undefined, allowed: readonly Group[]): boolean {
  return !!session && session.groups.some((group) => allowed.includes(group));
}
