import { Alert, Button, Card, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { currentYear } from '../../../shared/time/calendar.ts';
import { allPages, api, apiJson, unwrap } from '../api/client.ts';
import { isMissing } from '../api/problem.ts';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading, SectionTitle } from '../components/states.tsx';
import { figuresFromAgreements, figuresFromStatistics, type YearFigures } from '../domain/statistics.ts';
import { useI18n } from '../i18n/language.tsx';

/** The chart code is its own chunk, fetched when the page shows a chart. */
const BarChart = lazy(() => import('../components/bar-chart.tsx'));

/**
 * Assumed (issue 12 §4): `GET /agreements/statistics?year=YYYY` → counts by kind, partner
 * category, domestic/foreign, country, field… Read by shape (domain/statistics.ts). While the
 * API has none (404), the figures are computed from the list.
 */
async function yearFigures(year: number): Promise<YearFigures & { computedHere: boolean }> {
  try {
    return { ...figuresFromStatistics(await apiJson<Record<string, unknown>>(`/agreements/statistics?year=${year}`)), computedHere: false };
  } catch (error) {
    if (!isMissing(error, { shadowed: true })) throw error;
    const agreements = await allPages((cursor) => unwrap(api().GET('/agreements', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } })));
    return { ...figuresFromAgreements(agreements, year), computedHere: true };
  }
}

/** `/statistik?tahun=YYYY`: the year in figures, as charts with their numbers or as tables; printable. */
export default function Statistics() {
  const { t, label, number } = useI18n();
  const [params, setParams] = useSearchParams();
  const thisYear = currentYear();
  const year = Number(params.get('tahun') ?? thisYear) || thisYear;
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const figures = useQuery({ queryKey: ['agreements', 'statistics', year], queryFn: () => yearFigures(year) });

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
      {figures.error ? (
        <LoadError error={figures.error} />
      ) : !figures.data ? (
        <Loading />
      ) : (
        <>
          {figures.data.computedHere && (
            <Alert color="gray" className="no-print">
              {t('statisticsUnavailable')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {figures.data.totals.map((total) => (
              <Card withBorder key={total.key}>
                <Text size="sm">{label(total.key)}</Text>
                <Text size="xl" fw={700}>
                  {number(total.value)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            {figures.data.breakdowns.map((breakdown) => (
              <Card withBorder key={breakdown.key} component="section" aria-labelledby={`stat-${breakdown.key}`}>
                <SectionTitle id={`stat-${breakdown.key}`}>{label(breakdown.key)}</SectionTitle>
                {view === 'chart' ? (
                  <Suspense fallback={<Loading />}>
                    <BarChart breakdown={breakdown} title={label(breakdown.key)} />
                  </Suspense>
                ) : (
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
                        <Table.Tr key={row.label}>
                          <Table.Td>{label(row.label)}</Table.Td>
                          <Table.Td ta="right">{number(row.count)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Card>
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
