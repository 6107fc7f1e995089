import { Alert, Anchor, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../api/problem.ts';
import { useI18n } from '../i18n/language.tsx';
import { PageTitle } from './page-title.tsx';

export function Loading() {
  const { t } = useI18n();
  return (
    <Center py="xl" role="status">
      <Loader size="sm" aria-hidden />
      <Text ml="sm">{t('loading')}</Text>
    </Center>
  );
}

/** The clear page for a 403 (the API said no) or a page outside the person's groups. */
export function Forbidden() {
  const { t } = useI18n();
  return (
    <Stack gap="md" maw={640} data-page="forbidden">
      <PageTitle>{t('forbiddenTitle')}</PageTitle>
      <Text>{t('forbiddenBody')}</Text>
      <Anchor component={Link} to="/">
        {t('backHome')}
      </Anchor>
    </Stack>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <Stack gap="md" maw={640} data-page="not-found">
      <PageTitle>{t('notFoundTitle')}</PageTitle>
      <Text>{t('notFoundBody')}</Text>
      <Anchor component={Link} to="/">
        {t('backHome')}
      </Anchor>
    </Stack>
  );
}

/** A failed load: 403 and 404 get their pages; anything else says what the API said, with a retry. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.status === 403) return <Forbidden />;
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  return (
    <Alert color="red" title={t('errorTitle')} role="alert">
      <Text>{error instanceof Error ? error.message : String(error)}</Text>
      {retry && (
        <Button mt="sm" variant="outline" onClick={retry}>
          {t('retry')}
        </Button>
      )}
    </Alert>
  );
}

export function SectionTitle({ children, id }: { children: React.ReactNode; id?: string }) {
  return (
    <Title order={2} size="h4" id={id}>
      {children}
    </Title>
  );
}
