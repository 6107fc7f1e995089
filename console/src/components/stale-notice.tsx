import { Alert, Button, Group, List, Text } from '@mantine/core';
import { changedFields, displayValue } from '../domain/changes.ts';
import { useI18n } from '../i18n/language.tsx';

const bookkeeping = ['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'warnings'];

/** A 412: what someone else changed since the form was opened, and the two ways on (any versioned resource; `title` names it). */
export function StaleNotice({ seen, current, title, onReload, onReapply }: { seen: Record<string, unknown>; current: Record<string, unknown>; title?: string; onReload: () => void; onReapply: () => void }) {
  const { t } = useI18n();
  const changes = changedFields(seen, current, bookkeeping);
  return (
    <Alert color="orange" title={title ?? t('staleTitle')} role="alert" data-testid="stale-notice">
      <Text size="sm">{t('staleBody')}</Text>
      <List size="sm" my="xs">
        {changes.map((change) => (
          <List.Item key={change.field}>
            {change.field}: {displayValue(change.from, t('emptyValue'))} → {displayValue(change.to, t('emptyValue'))}
          </List.Item>
        ))}
      </List>
      <Group>
        <Button variant="outline" onClick={onReload}>
          {t('reload')}
        </Button>
        <Button onClick={onReapply}>{t('reapply')}</Button>
      </Group>
    </Alert>
  );
}
