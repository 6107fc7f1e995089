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
