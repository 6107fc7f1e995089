import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { memo, useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { currentYear } from '../../../shared/time/calendar.ts';
import { downloadExport } from '../api/export.ts';
import { ApiError } from '../api/problem.ts';
import { targetQuery, unitRowsQuery, unitYear } from '../api/unit-queries.ts';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading } from '../components/states.tsx';
import { TargetLine } from '../components/target-line.tsx';
import { UnitGrid } from '../components/unit-grid.tsx';
import { bandOf, bands, type Band, type Target, yearsAround } from '../domain/compliance.ts';
import { useI18n } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages.ts';

const bandWord: Record<Band, MessageKey> = { none: 'unitBandNone', partial: 'unitBandPartial', met: 'unitBandMet' };

/**
 * `/pelatihan/unit/{unit}?tahun=YYYY&kelompok=none|partial|met`: the unit's employees, lowest
 * hours first, fetched page after page (the count grows as they arrive; the route's loader has
 * already asked for the first), filtered by band in the browser, in a virtualized grid whose rows
 * are links to each employee; export of the same filter. The heading and filters show at once,
 * without waiting for any answer.
 */
export default function Unit() {
  const { unit = '' } = useParams();
  const { t } = useI18n();
  const [params] = useSearchParams();
  const year = unitYear(params);
  const band = bands.find((value) => value === params.get('kelompok'));
  const target = useQuery(targetQuery(year));
  const pages = useInfiniteQuery(unitRowsQuery(unit, year));
  const { hasNextPage, isFetchingNextPage, fetchNextPage, error } = pages;
  // Progressive: the first page shows at once, the others follow one call at a time.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !error) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, error]);
  const loaded = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const shown = useMemo(() => (band ? loaded.filter((row) => bandOf(row) === band) : loaded), [loaded, band]);
  const title = `${t('unitTitle', { unit })} ${year}`;

  return (
    <Stack data-page="unit" data-complete={pages.data && !hasNextPage ? 'true' : 'false'}>
      <UnitHead unit={unit} year={year} band={band} target={target.data} title={title} />
      {error ? (
        <LoadError error={error} retry={() => void pages.refetch()} />
      ) : !pages.data ? (
        <Loading />
      ) : (
        <>
          {/* Busy while pages arrive: a screen reader announces the count once, not fifty times. */}
          <Text aria-live="polite" aria-busy={hasNextPage}>{t(hasNextPage ? 'unitCountLoading' : 'unitCount', { shown: shown.length, total: loaded.length })}</Text>
          {shown.length === 0 ? <Text>{t('unitNone')}</Text> : <UnitGrid rows={shown} target={target.data} label={title} />}
          <Text size="sm" c="dimmed">
            {t('unitKeyboardHint')}
          </Text>
        </>
      )}
    </Stack>
  );
}

/** Back link, title, target and filters: memoized, so each of the 50 pages arriving re-renders only the count and the grid. */
const UnitHead = memo(function UnitHead({ unit, year, band, target, title }: { unit: string; year: number; band: Band | undefined; target: Target | undefined; title: string }) {
  const { t, number } = useI18n();
  const [, setParams] = useSearchParams();
  const thisYear = currentYear();
  const inJp = target?.unit === 'JP';
  const amount = target ? `${number(inJp ? target.jp : target.hours)} ${t(inJp ? 'targetUnitJp' : 'targetUnitHours')}` : '';
  return (
    <>
      <Anchor component={Link} to={`/pelatihan?tahun=${year}`} td="underline" className="no-print">
        {t('unitBack')}
      </Anchor>
      <PageTitle text={title}>{title}</PageTitle>
      {target && <TargetLine target={target} />}
      <Group align="end" className="no-print">
        <NativeSelect
          label={t('year')}
          value={String(year)}
          onChange={(event) => setParams((current) => (current.set('tahun', event.currentTarget.value), current))}
          data={yearsAround(thisYear).map(String)}
        />
        <NativeSelect
          label={t('unitBand')}
          value={band ?? ''}
          onChange={(event) => setParams((current) => (event.currentTarget.value ? current.set('kelompok', event.currentTarget.value) : current.delete('kelompok'), current))}
          data={[{ value: '', label: t('unitBandAll') }, ...bands.map((value) => ({ value, label: t(bandWord[value], { target: amount, range: `> 0, < ${amount}` }) }))]}
        />
        <UnitExport unit={unit} year={year} band={band} />
      </Group>
    </>
  );
});

/** The API's status for each band: the file holds the rows the page shows. */
const bandStatus = { none: 'NONE', partial: 'PARTIAL', met: 'MET' } as const satisfies Record<Band, string>;

/** Export of the unit, of the band chosen if any. */
function UnitExport({ unit, year, band }: { unit: string; year: number; band: Band | undefined }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ busy?: boolean; error?: string }>({});
  async function exportAs(format: 'xlsx' | 'csv') {
    setState({ busy: true });
    try {
      const filters = new URLSearchParams({ unit, year: String(year), ...(band ? { status: bandStatus[band] } : {}) });
      await downloadExport(format, filters, '/compliance/export', `kepatuhan-${year}`);
      setState({});
    } catch (error) {
      setState({ error: error instanceof ApiError ? error.message : String(error) });
    }
  }
  return (
    <>
      <Button variant="outline" loading={state.busy} onClick={() => void exportAs('xlsx')}>
        {t('exportXlsx')}
      </Button>
      <Button variant="outline" loading={state.busy} onClick={() => void exportAs('csv')}>
        {t('exportCsv')}
      </Button>
      {state.error && (
        <Alert color="orange" role="status">
          {state.error}
        </Alert>
      )}
    </>
  );
}
