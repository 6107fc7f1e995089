import { PagePending } from '../components/page-pending.tsx';

/** `/program-pelatihan`: programs and cohorts by year. */
export default function ProgramList() {
  return <PagePending page="program-list" title="navPrograms" />;
}
