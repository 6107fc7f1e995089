import { List, Text } from '@mantine/core';
import type { AuditEntry } from '../api/client.ts';
import { isSystemActor } from '../domain/changes.ts';
import { useI18n } from '../i18n/language.tsx';
import { useChangeText } from './change-line.tsx';

/** Fields every write touches: noise in "what changed" (the registry helper drops them server-side too). */
const bookkeeping = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']);

/** History as "field: before → after, who, when", newest first, in the person's words. */
export function History({ entries }: { entries: AuditEntry[] }) {
  const { t, timestamp, label } = useI18n();
  const changeText = useChangeText();
  return (
    <List spacing="sm" listStyleType="none" p={0}>
      {[...entries].reverse().map((entry) => (
        <List.Item key={entry.version}>
          <Text fw={600} size="sm">
            {t('historyEntry', { action: label(entry.action), who: isSystemActor(entry.by) ? t('historyChecker') : entry.by, when: timestamp(entry.at) })}
          </Text>
          {entry.action !== 'CREATED' && (
            <List size="sm" withPadding>
              {entry.changes
                .filter((change) => !bookkeeping.has(change.field))
                .map((change) => (
                  <List.Item key={change.field}>{changeText(change)}</List.Item>
                ))}
            </List>
          )}
        </List.Item>
      ))}
    </List>
  );
}
