import { List, Text } from '@mantine/core';
import type { AuditEntry } from '../api/client.ts';
import { displayValue } from '../domain/changes.ts';
import { useI18n } from '../i18n/language.tsx';

/** Fields every write touches: noise in "what changed" (the registry helper drops them server-side too). */
const bookkeeping = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']);

/** History as "field: before → after, who, when", newest first. */
export function History({ entries }: { entries: AuditEntry[] }) {
  const { t, timestamp, label } = useI18n();
  return (
    <List spacing="sm" listStyleType="none" p={0}>
      {[...entries].reverse().map((entry) => (
        <List.Item key={entry.version}>
          <Text fw={600} size="sm">
            {timestamp(entry.at)} · {t('by')} {entry.by} · {entry.action === 'CREATED' ? t('created') : label(entry.action)}
          </Text>
          {entry.action !== 'CREATED' && (
            <List size="sm" withPadding>
              {entry.changes
                .filter((change) => !bookkeeping.has(change.field))
                .map((change) => (
                  <List.Item key={change.field}>
                    {change.field}: {displayValue(change.from, t('emptyValue'))} → {displayValue(change.to, t('emptyValue'))}
                  </List.Item>
                ))}
            </List>
          )}
        </List.Item>
      ))}
    </List>
  );
}
