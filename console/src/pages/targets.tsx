import { PagePending } from '../components/page-pending.tsx';

/** `/target-tahunan`: the yearly targets. */
export default function Targets() {
  return <PagePending page="targets" title="navTargets" />;
}
