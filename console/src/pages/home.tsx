import { Navigate } from 'react-router';
import { readers } from '../access.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { Inbox } from './inbox.tsx';

/** `/`: the inbox for staff; an employee (no agreement rights) starts at their own hours. */
export function Home() {
  const session = useSession();
  if (hasAnyGroup(session, readers)) return <Inbox />;
  return <Navigate to="/jam-pelajaran-saya" replace />;
}
