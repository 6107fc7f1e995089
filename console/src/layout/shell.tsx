import { AppShell, Button, Group, NativeSelect, NavLink, Text } from '@mantine/core';
import { memo, Suspense, useCallback, type MouseEvent } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { Group as UserGroup } from '../../../shared/http/auth.ts';
import { alertReaders, employeesThemselves, readers, trainingReaders, trainingWriters } from '../access.ts';
import { signOut } from '../auth/sign-out.ts';
import { hasAnyGroup, type Session } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { followInApp } from '../components/in-app-links.ts';
import { Loading } from '../components/states.tsx';
import { useI18n } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** The navigation, each entry shown only to the groups whose page it is. */
const navigation: { to: string; label: MessageKey; groups: readonly UserGroup[] }[] = [
  { to: '/', label: 'navInbox', groups: readers },
  { to: '/kerja-sama', label: 'navAgreements', groups: readers },
  { to: '/kalender', label: 'navCalendar', groups: readers },
  { to: '/statistik', label: 'navStatistics', groups: readers },
  { to: '/notifikasi', label: 'navAlerts', groups: alertReaders },
  { to: '/pelatihan', label: 'navCompliance', groups: trainingReaders },
  { to: '/pegawai', label: 'navEmployees', groups: trainingReaders },
  { to: '/program-pelatihan', label: 'navPrograms', groups: trainingReaders },
  { to: '/impor-roster', label: 'navRosterImport', groups: trainingWriters },
  { to: '/target-tahunan', label: 'navTargets', groups: trainingReaders },
  { to: '/jam-pelajaran-saya', label: 'navMyHours', groups: employeesThemselves },
];

export function Shell() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // A plain left click on a link of the header or the navigation stays in the app; modified clicks (new tab, window) stay the browser's.
  const follow = useCallback((event: MouseEvent<HTMLElement>) => followInApp(event, navigate), [navigate]);
  if (!session) return <Navigate to={`/masuk?kembali=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <ShellFrame session={session} pathname={location.pathname} follow={follow} />;
}

/**
 * The header and navigation follow the path only: a new query string (a list's filters) does not
 * render them again (memo). Their links are plain anchors followed by one handler each for the
 * header and the navigation: a router Link follows every location change (its context), so each
 * navigation rendered every link, before the page it opened (bench/console-unit.ts). A path change
 * renders the entries whose state changes only.
 */
const ShellFrame = memo(function ShellFrame({ session, pathname, follow }: { session: Session; pathname: string; follow: (event: MouseEvent<HTMLElement>) => void }) {
  const { t, language, setLanguage } = useI18n();
  const current = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm' }} padding="md">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <AppShell.Header px="md" onClick={follow}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Text component="a" href="/" fw={700} size="lg" c="jalin.8" td="none">
            {t('appName')}
          </Text>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm">
              {t('signedInAs')} <strong>{session.groups.join(', ')}</strong>
            </Text>
            <NativeSelect
              aria-label={t('language')}
              size="xs"
              value={language}
              onChange={(event) => setLanguage(event.currentTarget.value === 'en' ? 'en' : 'id')}
              data={[
                { value: 'id', label: 'Bahasa Indonesia' },
                { value: 'en', label: 'English' },
              ]}
            />
            <Button size="xs" variant="outline" onClick={() => void signOut()}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('navMain')} className="no-print" onClick={follow}>
        {navigation
          .filter((entry) => hasAnyGroup(session, entry.groups))
          .map((entry) => (
            <NavEntry key={entry.to} to={entry.to} label={t(entry.label)} active={current(entry.to)} />
          ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
});

/** One entry of the navigation (memo: a path change renders the two whose state changes). */
const NavEntry = memo(function NavEntry({ to, label, active }: { to: string; label: string; active: boolean }) {
  return <NavLink component="a" href={to} label={label} active={active} aria-current={active ? 'page' : undefined} />;
});
