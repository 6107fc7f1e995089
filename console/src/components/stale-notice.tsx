import { Alert, Button, Group, List, Text } from '@mantine/core';
import { changedFields } from '../domain/changes.ts';
import { useI18n } from '../i18n/language.tsx';
import { useChangeText, type FieldWords } from './change-line.tsx';

const bookkeeping = ['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'warnings'];

/**
 * A 412: what someone else changed since the form was opened, and the two ways on (any versioned
 * resource; `title` names it, `fields` its field names, an agreement's by default).
 */
export function StaleNotice({ seen, current, title, fields, onReload, onReapply }: { seen: Record<string, unknown>; current: Record<string, unknown>; title?: string; fields?: FieldWords; onReload: () => void; onReapply: () => void }) {
  const { t } = useI18n();
  const changeText = useChangeText(fields);
  const changes = changedFields(seen, current, bookkeeping);
  return (
    <Alert color="orange" title={title ?? t('staleTitle')} role="alert" data-testid="stale-notice">
      <Text size="sm">{t('staleBody')}</Text>
      <List size="sm" my="xs">
        {changes.map((change) => (
          <List.Item key={change.field}>{changeText(change)}</List.Item>
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
