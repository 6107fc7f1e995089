import { PagePending } from '../components/page-pending.tsx';

/** `/impor-roster`: a roster checked in the browser, then imported in the background. */
export default function RosterImport() {
  return <PagePending page="roster-import" title="navRosterImport" />;
}
