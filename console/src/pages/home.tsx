import { Stack, Text } from '@mantine/core';
import { readers } from '../access.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { PageTitle } from '../components/page-title.tsx';
import { useI18n } from '../i18n/language.tsx';
import { Inbox } from './inbox.tsx';

/** `/`: the inbox for staff; an employee (no agreement rights) gets their own start page. */
export function Home() {
  const session = useSession();
  const { t } = useI18n();
  if (hasAnyGroup(session, readers)) return <Inbox />;
  return (
    <Stack data-page="employee-home">
      <PageTitle>{t('appName')}</PageTitle>
      <Text>{t('employeeHome')}</Text>
    </Stack>
  );
}
