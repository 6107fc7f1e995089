import { useCallback } from 'react';
import { agreementFieldWords, describeChange, type Change } from '../domain/changes.ts';
import { useI18n } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** Field names of the resource shown: an agreement's unless the caller names its own. */
export type FieldWords = Readonly<Record<string, MessageKey>>;

/** "Berakhir: 27 Januari 2026 → 27 Januari 2031": a change in the person's words (history and 412 notices). */
export function useChangeText(fields: FieldWords = agreementFieldWords): (change: Change) => string {
  const { t, date, timestamp, number, label } = useI18n();
  return useCallback(
    (change: Change) => {
      const words = describeChange(change, (field) => (fields[field] ? t(fields[field]) : field), { date, timestamp, number, label, empty: t('emptyValue') });
      return `${words.field}: ${words.from} → ${words.to}`;
    },
    [fields, t, date, timestamp, number, label],
  );
}
