import { Anchor, Group, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo, type MouseEvent } from 'react';
import { useNavigate, useSearchParams, type NavigateFunction } from 'react-router';
import { currentYear } from '../../../shared/time/calendar.ts';
import { api, unwrap } from '../api/client.ts';
import { loadUnitView, targetQuery } from '../api/unit-queries.ts';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading, SectionTitle } from '../components/states.tsx';
import { TargetLine } from '../components/target-line.tsx';
import { heatColour, heatColumns, heatSteps, percentOf, worstFirst, yearsAround, type ComplianceSummary, type UnitCompliance } from '../domain/compliance.ts';
import { useI18n } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages.ts';

const columnWords: Record<(typeof heatColumns)[number]['key'], MessageKey> = {
  met: 'complianceColMet',
  onPace: 'complianceColOnPace',
  behind: 'complianceColBehind',
  farBehind: 'complianceColFarBehind',
};

/** Every unit of the year's summary (paged by unit, 100 a call), with the target and pace of the first page. */
async function yearSummary(year: number): Promise<ComplianceSummary> {
  let summary: ComplianceSummary | undefined;
  let cursor: string | undefined;
  do {
    const page = await unwrap(api().GET('/compliance/summary', { params: { query: { year, limit: 100, ...(cursor ? { cursor } : {}) } } }));
    summary = summary ? { ...summary, items: [...summary.items, ...page.items] } : page;
    cursor = page.nextCursor;
  } while (cursor);
  return summary;
}

/** `/pelatihan?tahun=YYYY`: the year's target and pace, and per unit a heat map of who meets it, worst first. */
export default function Compliance() {
  const { t, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const thisYear = currentYear();
  const year = Number(params.get('tahun') ?? thisYear) || thisYear;
  const target = useQuery(targetQuery(year));
  const summary = useQuery({ queryKey: ['compliance', 'summary', year], queryFn: () => yearSummary(year) });

  return (
    <Stack data-page="compliance">
      <Group justify="space-between">
        <PageTitle text={`${t('navCompliance')} ${year}`}>
          {t('navCompliance')} {year}
        </PageTitle>
        <NativeSelect aria-label={t('year')} value={String(year)} onChange={(event) => setParams({ tahun: event.currentTarget.value })} data={yearsAround(thisYear).map(String)} />
      </Group>
      {target.error ? (
        <LoadError error={target.error} retry={() => void target.refetch()} />
      ) : !target.data ? (
        <Loading />
      ) : (
        <TargetLine target={target.data} />
      )}
      {summary.error ? (
        <LoadError error={summary.error} retry={() => void summary.refetch()} />
      ) : !summary.data ? (
        <Loading />
      ) : (
        <>
          <Text>
            {t('compliancePaceLine', {
              date: date(summary.data.pace.asOf),
              hours: summary.data.pace.hours,
              share: percentOf(summary.data.pace.hours, summary.data.targetHours),
              far: summary.data.pace.farBehindBelow,
            })}
          </Text>
          <Stack component="section" aria-labelledby="heat-title" gap="xs">
            <SectionTitle id="heat-title">{t('complianceHeatTitle')}</SectionTitle>
            <Text size="sm">{t('complianceOrder')}</Text>
            {summary.data.items.length === 0 ? (
              <Text>{t('complianceNoUnits')}</Text>
            ) : (
              <HeatMap units={summary.data.items} year={year} navigate={navigate} />
            )}
            <Legend />
          </Stack>
        </>
      )}
    </Stack>
  );
}

/**
 * The heat map: memo, with no router hook or router Link inside (each follows every router state),
 * so that opening a unit, whose navigation first renders the router's loading state, does not
 * render the map again (bench/console-unit.ts). Its unit links are plain anchors (openUnit).
 */
const HeatMap = memo(function HeatMap({ units, year, navigate }: { units: UnitCompliance[]; year: number; navigate: NavigateFunction }) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder withColumnBorders aria-labelledby="heat-title" data-testid="heat-map">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('complianceColUnit')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('complianceColEmployees')}
            </Table.Th>
            {heatColumns.map((column) => (
              <Table.Th scope="col" ta="right" key={column.key}>
                {t(columnWords[column.key])}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {worstFirst(units).map((unit) => (
            <UnitRow key={unit.unit} unit={unit} year={year} navigate={navigate} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
});

/** The unit whose page is being opened (the last one clicked). */
let opening: string | undefined;

/**
 * A plain click on a unit opens its page once the page's code, target and first rows are in
 * (api/unit-queries.ts): nothing renders in between, so the answer is handled as soon as it
 * arrives, and the page renders once, with its rows. The heat map is marked busy meanwhile. A
 * later click, or leaving the heat map, cancels the opening. Modified clicks (a new tab, a new
 * window) stay the browser's.
 */
function openUnit(event: MouseEvent<HTMLAnchorElement>, unit: string, year: number, navigate: NavigateFunction) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const href = event.currentTarget.getAttribute('href')!;
  const from = location.href;
  const heatMap = event.currentTarget.closest('table');
  opening = href;
  heatMap?.setAttribute('aria-busy', 'true');
  const open = () => {
    if (opening !== href) return;
    opening = undefined;
    heatMap?.removeAttribute('aria-busy');
    // An error is the unit page's to show (with its retry).
    if (location.href === from) void navigate(href);
  };
  loadUnitView(unit, year).then(open, open);
}

/** One unit's row (memo: rendered again only for a new summary). */
const UnitRow = memo(function UnitRow({ unit, year, navigate }: { unit: UnitCompliance; year: number; navigate: NavigateFunction }) {
  const { t, number } = useI18n();
  return (
    <Table.Tr>
        <Table.Th scope="row" fw={500}>
          <Anchor href={`/pelatihan/unit/${encodeURIComponent(unit.unit)}?tahun=${year}`} onClick={(event) => openUnit(event, unit.unit, year, navigate)} td="underline">
            {unit.unit}
          </Anchor>
        </Table.Th>
        <Table.Td ta="right">{number(unit.employees)}</Table.Td>
        {heatColumns.map((column) => {
          const count = unit[column.key];
          const share = unit.employees ? count / unit.employees : 0;
          return (
            <Table.Td key={column.key} ta="right" data-heat={column.key} style={{ background: heatColour(column.good, share), color: '#000' }}>
              {t('complianceCell', { count, share: percentOf(count, unit.employees) })}
            </Table.Td>
          );
        })}
    </Table.Tr>
  );
});

/** What the colours mean; the numbers in the cells say it without them (memo: nothing in it changes). */
const Legend = memo(function Legend() {
  const { t } = useI18n();
  const ranges = heatSteps.map((step, index) => {
    const next = heatSteps[index + 1];
    return next === undefined ? `≥ ${step * 100}%` : `${step * 100}–${next * 100 - 1}%`;
  });
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="legend-title">
      <Text fw={600} id="legend-title">
        {t('complianceLegend')}
      </Text>
      <Text size="sm">{t('complianceLegendBody')}</Text>
      {([true, false] as const).map((good) => (
        <Group key={String(good)} gap="xs" mt="xs">
          <Text size="sm" w={180}>
            {t(good ? 'complianceLegendGood' : 'complianceLegendBad')}
          </Text>
          {ranges.map((range, index) => (
            <Text key={range} size="sm" px="xs" style={{ background: heatColour(good, heatSteps[index]!), color: '#000', border: '1px solid #868e96' }}>
              {range}
            </Text>
          ))}
        </Group>
      ))}
    </Paper>
  );
});
