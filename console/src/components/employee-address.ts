/**
 * An employee's page address without their NIP: `/pegawai/<alias>`, the alias drawn at random in
 * this tab's session. Browser history and the address bar's suggestions outlive a session on a
 * shared office PC, and a NIP in them would be personal data kept beyond it (UU PDP 27/2022).
 * The aliases live in memory, saved to sessionStorage when the page is hidden or left (a reload
 * keeps them; sign-out wipes them, and an old alias then opens nothing). A NIP typed into the
 * address still opens the page.
 */
import { currentSession } from '../auth/session.ts';

const KEY = 'jalin.employee-addresses';
let byAlias: Map<string, string> | undefined;
let byNip: Map<string, string> | undefined;
let dirty = false;

/** Not once signed out: the sign-out cleared sessionStorage just before the page goes away. */
function save(): void {
  if (!dirty || !byAlias || !currentSession()) return;
  sessionStorage.setItem(KEY, JSON.stringify([...byAlias]));
  dirty = false;
}

function load(): void {
  if (byAlias) return;
  byAlias = new Map(JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as [string, string][]);
  byNip = new Map([...byAlias].map(([alias, nip]) => [nip, alias]));
  // One write when the page goes away, not one per link rendered (the unit grid renders thousands).
  addEventListener('pagehide', save);
  addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') save();
  });
}

/** The page of the employee with this NIP. */
export function employeePath(nip: string): string {
  load();
  let alias = byNip!.get(nip);
  if (!alias) {
    alias = crypto.randomUUID().replaceAll('-', '').slice(0, 12);
    byAlias!.set(alias, nip);
    byNip!.set(nip, alias);
    dirty = true;
  }
  return `/pegawai/${alias}`;
}

/** The NIP an address names: an alias of this session, or a NIP written out; undefined for an alias of another session. */
export function nipOfAddress(segment: string): string | undefined {
  load();
  return byAlias!.get(segment) ?? (/^\d{18}$/.test(segment) ? segment : undefined);
}

