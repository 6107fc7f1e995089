import { Stack, Text } from '@mantine/core';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from '../i18n/language.tsx';
import { PageTitle } from './page-title.tsx';

/** A page whose route and navigation exist but whose content is still being built. */
export function PagePending({ page, title }: { page: string; title: MessageKey }) {
  const { t } = useI18n();
  return (
    <Stack data-page={page}>
      <PageTitle>{t(title)}</PageTitle>
      <Text>{t('pagePending')}</Text>
    </Stack>
  );
}
