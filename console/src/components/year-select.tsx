import { NativeSelect } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { currentYear } from '../../../shared/time/calendar.ts';
import { useI18n } from '../i18n/language.tsx';

const YEARS_BACK = 5;

/**
 * The year a training page shows, kept in the URL (`?tahun=2025`): a year is not personal data,
 * and a reload or a shared link keeps it. This year (Jakarta) when absent or out of range.
 */
export function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const thisYear = currentYear();
  const asked = Number(params.get('tahun'));
  const year = Number.isInteger(asked) && asked >= thisYear - YEARS_BACK && asked <= thisYear ? asked : thisYear;
  return [year, (next) => setParams(next === thisYear ? {} : { tahun: String(next) }, { replace: true })];
}

/** The year picker of the training pages: this year and the five before it. */
export function YearSelect({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useI18n();
  const thisYear = currentYear();
  return (
    <NativeSelect
      className="no-print"
      label={t('year')}
      value={String(year)}
      onChange={(event) => onChange(Number(event.currentTarget.value))}
      data={Array.from({ length: YEARS_BACK + 1 }, (_, index) => String(thisYear - index))}
    />
  );
}
