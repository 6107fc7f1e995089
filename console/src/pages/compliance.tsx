import { PagePending } from '../components/page-pending.tsx';

/** `/pelatihan`: compliance per unit against the year's target. */
export default function Compliance() {
  return <PagePending page="compliance" title="navCompliance" />;
}
