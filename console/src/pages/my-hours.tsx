import { PagePending } from '../components/page-pending.tsx';

/** `/jam-pelajaran-saya`: the signed-in employee's own hours. */
export default function MyHours() {
  return <PagePending page="my-hours" title="navMyHours" />;
}
