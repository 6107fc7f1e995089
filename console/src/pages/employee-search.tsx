import { PagePending } from '../components/page-pending.tsx';

/** `/pegawai`: find an employee by NIP or name. */
export default function EmployeeSearch() {
  return <PagePending page="employee-search" title="navEmployees" />;
}
