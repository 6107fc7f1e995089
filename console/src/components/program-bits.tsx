import { Badge, Fieldset, SegmentedControl } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RosterImport } from '../api/imports.ts';
import type { Program } from '../api/programs.ts';
import { useI18n } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** Words of the methods and import statuses, kept in this area (other areas label other enums). */
export const methodWord: Record<Program['method'], MessageKey> = { CLASSICAL: 'programClassical', NON_CLASSICAL: 'programNonClassical' };
export const importStatusWord: Record<RosterImport['status'], MessageKey> = { QUEUED: 'importQueued', RUNNING: 'importRunning', DONE: 'importDone', FAILED: 'importFailed' };

/** A program's length in both units, the one it was planned in first: "40 JP (30 jam)". */
export function ProgramLength({ program }: { program: Pick<Program, 'hours' | 'jp' | 'lengthUnit'> }) {
  const { t } = useI18n();
  const jp = t('programJpCount', { jp: program.jp });
  const hours = t('programHoursCount', { hours: program.hours });
  return <>{program.lengthUnit === 'JP' ? `${jp} (${hours})` : `${hours} (${jp})`}</>;
}

/** A light badge whose word is never cut short (the kit truncates long labels) and reads in dark text. */
export function WordBadge({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge variant="light" color={color} c="dark.9" tt="none" styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }}>
      {children}
    </Badge>
  );
}

/** One of a few choices, as a labelled group of radio buttons (the kit's SegmentedControl, whose styles the console loads). */
export function Choice<T extends string>({ legend, value, onChange, options }: { legend: string; value: T; onChange: (value: T) => void; options: { value: T; label: string }[] }) {
  return (
    <Fieldset legend={legend} variant="unstyled" styles={{ legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 4 } }}>
      <SegmentedControl value={value} onChange={(next) => onChange(next as T)} data={options} />
    </Fieldset>
  );
}
