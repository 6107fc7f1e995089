import { PagePending } from '../components/page-pending.tsx';

/** `/program-pelatihan/{id}`: a program with its participants. */
export default function ProgramDetail() {
  return <PagePending page="program-detail" title="programTitle" />;
}
