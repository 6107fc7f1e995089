import { useSyncExternalStore } from 'react';
import { currentSession, onSessionChange, type Session } from './session.ts';

let cached: { text: string | null; session: Session | undefined } = { text: null, session: undefined };

function snapshot(): Session | undefined {
  const text = sessionStorage.getItem('jalin.session');
  if (text !== cached.text) cached = { text, session: currentSession() };
  return cached.session;
}

/** The signed-in session, re-rendering on sign-in and sign-out. */
export function useSession(): Session | undefined {
  return useSyncExternalStore(onSessionChange, snapshot);
}
