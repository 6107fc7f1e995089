import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { prefetchAgreementList } from './api/agreement-list-query.ts';
import { prefetchUnit } from './api/unit-queries.ts';
import { agreementWriters, alertReaders, employeesThemselves, readers, trainingReaders, trainingWriters } from './access.ts';
import { Guard } from './components/guard.tsx';
import { NotFound } from './components/states.tsx';
import { Shell } from './layout/shell.tsx';
import { Home } from './pages/home.tsx';
import { SignIn } from './pages/sign-in.tsx';

/** Pages beyond the first are loaded when visited: the first load stays small. */
const AgreementList = lazy(() => import('./pages/agreement-list.tsx'));
const AgreementDetail = lazy(() => import('./pages/agreement-detail.tsx'));
const AgreementForm = lazy(() => import('./pages/agreement-form.tsx'));
const Calendar = lazy(() => import('./pages/calendar.tsx'));
const Statistics = lazy(() => import('./pages/statistics.tsx'));
const Alerts = lazy(() => import('./pages/alerts.tsx'));
const Compliance = lazy(() => import('./pages/compliance.tsx'));
const loadUnit = () => import('./pages/unit.tsx');
const Unit = lazy(loadUnit);
const Targets = lazy(() => import('./pages/targets.tsx'));
const EmployeeSearch = lazy(() => import('./pages/employee-search.tsx'));
const EmployeeProfile = lazy(() => import('./pages/employee-profile.tsx'));
const MyHours = lazy(() => import('./pages/my-hours.tsx'));
const ProgramList = lazy(() => import('./pages/program-list.tsx'));
const ProgramDetail = lazy(() => import('./pages/program-detail.tsx'));
const RosterImport = lazy(() => import('./pages/roster-import.tsx'));

/** The console's pages (Indonesian paths, common-context.md); the local server serves index.html for each. */
export const router = createBrowserRouter([
  { path: '/masuk', element: <SignIn /> },
  {
    element: <Shell />,
    children: [
      { index: true, element: <Home /> },
      { path: 'kerja-sama', loader: prefetchAgreementList, element: <Guard groups={readers}><AgreementList /></Guard> },
      { path: 'kerja-sama/baru', element: <Guard groups={agreementWriters}><AgreementForm /></Guard> },
      { path: 'kerja-sama/:id', element: <Guard groups={readers}><AgreementDetail /></Guard> },
      { path: 'kerja-sama/:id/ubah', element: <Guard groups={agreementWriters}><AgreementForm /></Guard> },
      { path: 'kalender', element: <Guard groups={readers}><Calendar /></Guard> },
      { path: 'statistik', element: <Guard groups={readers}><Statistics /></Guard> },
      { path: 'notifikasi', element: <Guard groups={alertReaders}><Alerts /></Guard> },
      // The heat map's units open the unit page: its code loads with the heat map, not after the click.
      { path: 'pelatihan', loader: () => (void loadUnit(), null), element: <Guard groups={trainingReaders}><Compliance /></Guard> },
      { path: 'pelatihan/unit/:unit', loader: prefetchUnit, element: <Guard groups={trainingReaders}><Unit /></Guard> },
      { path: 'target-tahunan', element: <Guard groups={trainingReaders}><Targets /></Guard> },
      { path: 'pegawai', element: <Guard groups={trainingReaders}><EmployeeSearch /></Guard> },
      { path: 'pegawai/:nip', element: <Guard groups={trainingReaders}><EmployeeProfile /></Guard> },
      { path: 'jam-pelajaran-saya', element: <Guard groups={employeesThemselves}><MyHours /></Guard> },
      { path: 'program-pelatihan', element: <Guard groups={trainingReaders}><ProgramList /></Guard> },
      { path: 'program-pelatihan/:id', element: <Guard groups={trainingReaders}><ProgramDetail /></Guard> },
      { path: 'impor-roster', element: <Guard groups={trainingWriters}><RosterImport /></Guard> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
