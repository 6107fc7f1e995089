import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { paceOf } from '../../../shared/training/pace.ts';
import { employeeKeys, summaryOf, type TrainingSummary } from '../api/employees.ts';
import { useI18n, type I18n } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { Fact } from './fact.tsx';
import { HoursProgress } from './hours-progress.tsx';
import { LoadError, Loading, SectionTitle } from './states.tsx';

/** Where the hours stand against the pace: the same bands as the compliance pages (shared/training/pace.ts). */
function standing(summary: TrainingSummary, pace: ReturnType<typeof paceOf>): MessageKey {
  if (summary.compliant) return 'employeeStatusMet';
  if (summary.hours >= pace.hours) return 'employeeStatusOnPace';
  if (summary.hours >= pace.farBehindBelow) return 'employeeStatusBehind';
  return 'employeeStatusFarBehind';
}

/** An amount in the unit the year's target was set in first (DKI: hours; the national rule: JP), the other beside it. */
function amount({ t, number }: I18n, summary: TrainingSummary, hours: number, jp: number): string {
  const inHours = t('employeeHoursAmount', { hours: number(hours) });
  const inJp = t('employeeJpAmount', { jp: number(jp) });
  return summary.targetUnit === 'JP' ? t('employeeBothAmounts', { first: inJp, second: inHours }) : t('employeeBothAmounts', { first: inHours, second: inJp });
}

/** A year's hours of one employee against the target and the pro-rata pace, every figure written out. */
export function TrainingSummaryCard({ nip, year }: { nip: string; year: number }) {
  const i18n = useI18n();
  const { t, date, number } = i18n;
  const summary = useQuery({ queryKey: employeeKeys.summary(nip, year), queryFn: () => summaryOf(nip, year) });
  const body = (() => {
    if (summary.error) return <LoadError error={summary.error} retry={() => void summary.refetch()} />;
    if (!summary.data) return <Loading />;
    const figures = summary.data;
    const pace = paceOf(figures.targetHours, year, new Date());
    // The pace in JP follows the target's own ratio (JP_MINUTES is the API's to know).
    const paceJp = figures.targetHours > 0 ? Math.round(((pace.hours * figures.targetJp) / figures.targetHours) * 100) / 100 : 0;
    const done = amount(i18n, figures, figures.hours, figures.jp);
    const target = amount(i18n, figures, figures.targetHours, figures.targetJp);
    const paceAmount = amount(i18n, figures, pace.hours, paceJp);
    const percent = figures.targetHours > 0 ? Math.floor((figures.hours / figures.targetHours) * 100) : 100;
    return (
      <Stack>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} component="dl" m={0} data-testid="training-summary">
          <Fact strong term={t('employeeSummaryHours')}>{done}</Fact>
          <Fact strong term={t('employeeSummaryTarget')}>{target}</Fact>
          <Fact strong term={t('employeeSummaryRemaining')}>{amount(i18n, figures, figures.remainingHours, figures.remainingJp)}</Fact>
          <Fact strong term={t('employeeSummaryPace', { date: date(pace.asOf) })}>{paceAmount}</Fact>
          <Fact strong term={t('employeeSummaryStatus')}>{t(standing(figures, pace))}</Fact>
        </SimpleGrid>
        <HoursProgress
          done={figures.hours}
          target={figures.targetHours}
          pace={pace.hours}
          label={t('employeeProgressLabel')}
          text={t('employeeProgressText', { done, target, percent: number(percent) })}
          paceText={t('employeePaceMarker', { pace: paceAmount })}
        />
        <Text size="sm" c="dark.6">
          {t('employeePaceExplain')}
        </Text>
      </Stack>
    );
  })();
  return (
    <Card withBorder component="section" aria-labelledby="section-summary">
      <SectionTitle id="section-summary">{t('employeeSummaryTitle', { year: String(year) })}</SectionTitle>
      <Stack mt="xs">{body}</Stack>
    </Card>
  );
}
