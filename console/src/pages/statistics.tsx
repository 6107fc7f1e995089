import { Button, Card, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { currentYear } from '../../../shared/time/calendar.ts';
import { api, unwrap } from '../api/client.ts';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading } from '../components/states.tsx';
import { figuresFromStatistics, type Breakdown, type FigureGroup } from '../domain/statistics.ts';
import { useI18n } from '../i18n/language.tsx';

/** The chart code is its own chunk, fetched when the page shows a chart. */
const BarChart = lazy(() => import('../components/bar-chart.tsx'));

function BreakdownTable({ breakdown }: { breakdown: Breakdown }) {
  const { t, number } = useI18n();
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('category')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('count')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {breakdown.rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th scope="row" fw="normal">
              {row.label}
            </Table.Th>
            <Table.Td ta="right">{number(row.count)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One part of the year (in force on a day, or signed in the period): a card per breakdown. */
function FigureSection({ group, view }: { group: FigureGroup; view: 'chart' | 'table' }) {
  const { t } = useI18n();
  return (
    <Stack component="section" aria-labelledby={`stat-${group.key}`} data-group={group.key}>
      <div>
        <Title order={2} size="h3" id={`stat-${group.key}`}>
          {group.title}
        </Title>
        <Text>{t('statGroupTotal', { count: group.total })}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {group.breakdowns.map((breakdown) => {
          const headingId = `stat-${group.key}-${breakdown.key}`;
          return (
            <Card withBorder key={breakdown.key} component="section" aria-labelledby={headingId} data-breakdown={breakdown.key}>
              <Title order={3} size="h5" id={headingId} mb="xs">
                {breakdown.title}
              </Title>
              {breakdown.rows.length === 0 ? (
                <Text c="gray.7">{t('statNone')}</Text>
              ) : view === 'chart' ? (
                <Suspense fallback={<Loading />}>
                  <BarChart breakdown={breakdown} title={`${group.title}, ${breakdown.title}`} />
                </Suspense>
              ) : (
                <BreakdownTable breakdown={breakdown} />
              )}
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

/** `/statistik?tahun=YYYY`: the year in figures (`GET /agreements/statistics`), as charts with their numbers or as tables; printable. */
export default function Statistics() {
  const i18n = useI18n();
  const { t, number } = i18n;
  const [params, setParams] = useSearchParams();
  const thisYear = currentYear();
  const year = Number(params.get('tahun') ?? thisYear) || thisYear;
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const statistics = useQuery({
    queryKey: ['agreements', 'statistics', year],
    queryFn: () => unwrap(api().GET('/agreements/statistics', { params: { query: { year } } })),
  });
  const figures = statistics.data && figuresFromStatistics(statistics.data, i18n);

  return (
    <Stack data-page="statistics">
      <Group justify="space-between">
        <PageTitle text={`${t('statisticsTitle')} ${year}`}>
          {t('statisticsTitle')} {year}
        </PageTitle>
        <Group className="no-print">
          <NativeSelect
            aria-label={t('year')}
            value={String(year)}
            onChange={(event) => setParams({ tahun: event.currentTarget.value })}
            data={Array.from({ length: 8 }, (_, index) => String(thisYear - index))}
          />
          <SegmentedControl
            value={view}
            onChange={(value) => setView(value as 'chart' | 'table')}
            data={[
              { value: 'chart', label: t('showChart') },
              { value: 'table', label: t('showTable') },
            ]}
          />
          <Button variant="outline" onClick={() => window.print()}>
            {t('print')}
          </Button>
        </Group>
      </Group>
      {statistics.error ? (
        <LoadError error={statistics.error} retry={() => void statistics.refetch()} />
      ) : !figures ? (
        <Loading />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} data-totals>
            {figures.totals.map((total) => (
              <Card withBorder key={total.key} data-total={total.key}>
                <Text size="sm">{total.label}</Text>
                <Text size="xl" fw={700}>
                  {number(total.value)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          {figures.groups.map((group) => (
            <FigureSection key={group.key} group={group} view={view} />
          ))}
        </>
      )}
    </Stack>
  );
}
