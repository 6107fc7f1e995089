import { PagePending } from '../components/page-pending.tsx';

/** `/pegawai/{nip}`: an employee's profile, records and summary. */
export default function EmployeeProfile() {
  return <PagePending page="employee-profile" title="navEmployees" />;
}
