import { Text } from '@mantine/core';
import type { Target } from '../domain/compliance.ts';
import { useI18n } from '../i18n/language.tsx';

/** "Target 2026: 40 jam = 53,33 JP (set in hours)", and whether it is only the default. */
export function TargetLine({ target }: { target: Target }) {
  const { t } = useI18n();
  const year = String(target.year);
  return (
    <Text>
      {t('complianceTargetLine', { year, hours: target.hours, jp: target.jp, unit: t(target.unit === 'JP' ? 'targetUnitJp' : 'targetUnitHours') })}{' '}
      {target.source === 'DEFAULT' && t('complianceTargetDefault', { year })}
    </Text>
  );
}
