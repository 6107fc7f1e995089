import type { ReactNode } from 'react';
import type { Group } from '../../../shared/http/auth.ts';
import { useSession } from '../auth/use-session.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { Forbidden } from './states.tsx';

/** Shows the page only to the groups it is for; others get the 403 page, not a broken one. */
export function Guard({ groups, children }: { groups: readonly Group[]; children: ReactNode }) {
  const session = useSession();
  return hasAnyGroup(session, groups) ? <>{children}</> : <Forbidden />;
}
