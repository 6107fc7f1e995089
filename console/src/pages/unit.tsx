import { PagePending } from '../components/page-pending.tsx';

/** `/pelatihan/unit/{unit}`: a unit's employees with their hours. */
export default function Unit() {
  return <PagePending page="unit" title="navCompliance" />;
}
