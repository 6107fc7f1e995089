import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { currentYear } from '../../../shared/time/calendar.ts';
import { api, unwrap } from '../api/client.ts';
import { downloadExport } from '../api/export.ts';
import { ApiError } from '../api/problem.ts';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading } from '../components/states.tsx';
import { TargetLine } from '../components/target-line.tsx';
import { bandOf, bands, COMPLIANCE_PAGE, type Band, type ComplianceRow, type Target, yearsAround } from '../domain/compliance.ts';
import { useI18n } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** Fixed row height: the virtualizer never measures, so scrolling 5,000 rows lays out only what shows. */
const ROW_HEIGHT = 40;
const VIEW_HEIGHT = 560;
const bandWord: Record<Band, MessageKey> = { none: 'unitBandNone', partial: 'unitBandPartial', met: 'unitBandMet' };
const columns = 'minmax(12rem, 2fr) 13.5rem 5rem 6rem 9rem 11rem';

/**
 * `/pelatihan/unit/{unit}?tahun=YYYY&kelompok=none|partial|met`: the unit's employees, lowest
 * hours first, fetched page after page (the count grows as they arrive), filtered by band in the
 * browser, in a virtualized grid whose rows are links to each employee; export of the same filter.
 */
export default function Unit() {
  const { unit = '' } = useParams();
  const { t, number } = useI18n();
  const [params, setParams] = useSearchParams();
  const thisYear = currentYear();
  const year = Number(params.get('tahun') ?? thisYear) || thisYear;
  const band = bands.find((value) => value === params.get('kelompok'));
  const target = useQuery({ queryKey: ['training-targets', year], queryFn: () => unwrap(api().GET('/training-targets/{year}', { params: { path: { year } } })) });
  const pages = useInfiniteQuery({
    queryKey: ['compliance', 'unit', unit, year],
    queryFn: ({ pageParam }) => unwrap(api().GET('/compliance', { params: { query: { unit, year, limit: COMPLIANCE_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
    // Pages never change once read: comparing all of them again on every new page is wasted work.
    structuralSharing: false,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage, error } = pages;
  // Progressive: the first page shows at once, the others follow one call at a time.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !error) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, error]);
  const loaded = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const shown = useMemo(() => (band ? loaded.filter((row) => bandOf(row) === band) : loaded), [loaded, band]);
  const title = t('unitTitle', { unit });

  return (
    <Stack data-page="unit" data-complete={pages.data && !hasNextPage ? 'true' : 'false'}>
      <Anchor component={Link} to={`/pelatihan?tahun=${year}`} td="underline" className="no-print">
        {t('unitBack')}
      </Anchor>
      <PageTitle text={`${title} ${year}`}>
        {title} {year}
      </PageTitle>
      {target.data && <TargetLine target={target.data} />}
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
          data={[{ value: '', label: t('unitBandAll') }, ...bands.map((value) => ({ value, label: bandLabel(value, target.data) }))]}
        />
        <UnitExport unit={unit} year={year} band={band} />
      </Group>
      {error ? (
        <LoadError error={error} retry={() => void pages.refetch()} />
      ) : !pages.data ? (
        <Loading />
      ) : (
        <>
          {/* Busy while pages arrive: a screen reader announces the count once, not fifty times. */}
          <Text aria-live="polite" aria-busy={hasNextPage}>{t(hasNextPage ? 'unitCountLoading' : 'unitCount', { shown: shown.length, total: loaded.length })}</Text>
          {shown.length === 0 ? <Text>{t('unitNone')}</Text> : <EmployeeGrid rows={shown} target={target.data} label={`${title} ${year}`} />}
          <Text size="sm" c="dimmed">
            {t('unitKeyboardHint')}
          </Text>
        </>
      )}
    </Stack>
  );

  function bandLabel(value: Band, given: Target | undefined): string {
    const inJp = given?.unit === 'JP';
    const amount = given ? `${number(inJp ? given.jp : given.hours)} ${t(inJp ? 'targetUnitJp' : 'targetUnitHours')}` : '';
    return t(bandWord[value], { target: amount, range: `> 0, < ${amount}` });
  }
}

/**
 * The rows as an ARIA grid of rows (role=table): only the visible rows (plus a margin) are in the
 * DOM; aria-rowcount and aria-rowindex tell assistive technology the whole size. Arrow keys,
 * Home and End move the focus from row link to row link, scrolling the row in first.
 */
function EmployeeGrid({ rows, target, label }: { rows: ComplianceRow[]; target: Target | undefined; label: string }) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [pendingFocus, setPendingFocus] = useState<number>();
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8, scrollPaddingStart: ROW_HEIGHT });
  const items = virtualizer.getVirtualItems();
  const inJp = target?.unit === 'JP';

  useEffect(() => {
    if (pendingFocus === undefined) return;
    const link = scroller.current?.querySelector<HTMLAnchorElement>(`[data-row="${pendingFocus}"] a`);
    if (link) {
      link.focus({ preventScroll: true });
      setPendingFocus(undefined);
    }
  });

  // Row links are plain anchors (a router Link per row costs a handful of hooks at every mount): one handler navigates for all.
  const navigate = useNavigate();
  function open(event: MouseEvent<HTMLDivElement>) {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('[data-row] a');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(link.getAttribute('href')!);
  }

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!row) return;
    const index = Number(row.dataset.row);
    const next = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1, PageDown: index + 10, PageUp: index - 10 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const clamped = Math.max(0, Math.min(rows.length - 1, next));
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    setPendingFocus(clamped);
  }

  const header = (key: MessageKey, end = false) => (
    <div role="columnheader" style={{ ...cell, fontWeight: 700, textAlign: end ? 'right' : 'left' }}>
      {t(key)}
    </div>
  );
  return (
    <div ref={scroller} onKeyDown={move} onClick={open} role="table" aria-label={label} aria-rowcount={rows.length + 1} data-testid="unit-rows" style={{ height: Math.min(VIEW_HEIGHT, (rows.length + 1) * ROW_HEIGHT + 2), overflow: 'auto', fontVariantNumeric: 'tabular-nums', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}>
      <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 1, background: 'var(--mantine-color-body)', borderBottom: '1px solid var(--mantine-color-gray-4)' }}>
        <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: columns, alignItems: 'center', height: ROW_HEIGHT, minWidth: 860 }}>
          {header('unitColName')}
          {header('unitColNip')}
          {header('unitColHours', true)}
          {header('unitColJp', true)}
          {header('unitColRemaining', true)}
          {header('unitColStatus')}
        </div>
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth: 860 }}>
        {items.map((item) => (
          <EmployeeRow key={rows[item.index]!.nip} row={rows[item.index]!} index={item.index} start={item.start} inJp={inJp} />
        ))}
      </div>
    </div>
  );
}

const cell = { padding: '0 0.5rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
const numberCell = { ...cell, textAlign: 'right' } as const;
const bandBackground: Record<Band, string> = { none: '#ffe3e3', partial: '#fff3bf', met: '#d3f9d8' };
const bandText: Record<Band, MessageKey> = { none: 'unitStatusNone', partial: 'unitStatusPartial', met: 'complianceColMet' };

/**
 * One employee's row. Memoized and made of plain elements (no component library, no router Link): scrolling
 * mounts a dozen rows per frame and re-renders none of those already shown.
 */
const EmployeeRow = memo(function EmployeeRow({ row, index, start, inJp }: { row: ComplianceRow; index: number; start: number; inJp: boolean }) {
  const { t, number } = useI18n();
  const band = bandOf(row);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-row={index}
      style={{ display: 'grid', gridTemplateColumns: columns, alignItems: 'center', position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${start}px)`, borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <div role="cell" style={cell}>
        <a href={`/pegawai/${row.nip}`} style={{ color: 'var(--mantine-color-anchor)', textDecoration: 'underline' }}>
          {row.name}
        </a>
      </div>
      <div role="cell" style={cell}>
        {row.nip}
      </div>
      <div role="cell" style={numberCell}>
        {number(row.hours)}
      </div>
      <div role="cell" style={numberCell}>
        {number(row.jp)}
      </div>
      <div role="cell" style={numberCell}>
        {inJp ? `${number(row.remainingJp)} ${t('targetUnitJp')}` : `${number(row.remainingHours)} ${t('targetUnitHours')}`}
      </div>
      <div role="cell" style={cell}>
        <span style={{ background: bandBackground[band], color: '#000', borderRadius: 999, padding: '0.1rem 0.6rem', fontSize: '0.8rem', fontWeight: 600 }}>{t(bandText[band])}</span>
      </div>
    </div>
  );
});

/** Export of the unit (MET for the met band; the other two bands are both UNMET to the API). */
function UnitExport({ unit, year, band }: { unit: string; year: number; band: Band | undefined }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ busy?: boolean; error?: string }>({});
  async function exportAs(format: 'xlsx' | 'csv') {
    setState({ busy: true });
    try {
      const filters = new URLSearchParams({ unit, year: String(year), ...(band ? { status: band === 'met' ? 'MET' : 'UNMET' } : {}) });
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
