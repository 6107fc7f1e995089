import { Anchor, Group, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo, useEffect, type MouseEvent } from 'react';
import { useNavigate, useSearchParams, type NavigateFunction } from 'react-router';
import { currentYear } from '../../../shared/time/calendar.ts';
import { api, unwrap } from '../api/client.ts';
import { targetQuery } from '../api/unit-queries.ts';
import { followInApp } from '../components/in-app-links.ts';
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
  // The drill-down is the next step: its code is fetched while the heat map is read.
  useEffect(() => void import('./unit.tsx'), []);

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
 * render the map again before the unit page (bench/console-unit.ts). Its unit links are plain
 * anchors: a plain left click stays in the app, modified clicks (new tab, window) stay the browser's.
 */
const HeatMap = memo(function HeatMap({ units, year, navigate }: { units: UnitCompliance[]; year: number; navigate: NavigateFunction }) {
  const { t } = useI18n();
  const follow = (event: MouseEvent<HTMLTableElement>) => followInApp(event, navigate);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder withColumnBorders aria-labelledby="heat-title" data-testid="heat-map" onClick={follow}>
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
            <UnitRow key={unit.unit} unit={unit} year={year} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
});

/** One unit's row (memo: rendered again only for a new summary). */
const UnitRow = memo(function UnitRow({ unit, year }: { unit: UnitCompliance; year: number }) {
  const { t, number } = useI18n();
  return (
    <Table.Tr>
        <Table.Th scope="row" fw={500}>
          <Anchor href={`/pelatihan/unit/${encodeURIComponent(unit.unit)}?tahun=${year}`} td="underline">
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
