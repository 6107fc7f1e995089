import { Stack, Text } from '@mantine/core';
import type { Breakdown } from '../domain/statistics.ts';
import { useI18n } from '../i18n/language.tsx';

/**
 * A horizontal bar chart with every number written next to its bar (colour and length are never
 * the only cue). Plain CSS: no chart library in the bundle; loaded with the statistics page only.
 */
export default function BarChart({ breakdown, title }: { breakdown: Breakdown; title: string }) {
  const { number } = useI18n();
  const max = Math.max(1, ...breakdown.rows.map((row) => row.count));
  return (
    <Stack gap={4} role="img" aria-label={`${title}: ${breakdown.rows.map((row) => `${row.label} ${number(row.count)}`).join(', ')}`}>
      {breakdown.rows.map((row) => (
        <div className="bar-row" key={row.key} aria-hidden data-row={row.key}>
          <Text size="sm" truncate title={row.label}>
            {row.label}
          </Text>
          <div className="bar" style={{ width: `${(row.count / max) * 100}%` }} />
          <Text size="sm" className="bar-value">
            {number(row.count)}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
