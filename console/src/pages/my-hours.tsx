import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { employeeKeys, getEmployee, trainingsOf } from '../api/employees.ts';
import { useSession } from '../auth/use-session.ts';
import { ExportTrainingsButton } from '../components/export-trainings-button.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { ReminderSwitch } from '../components/reminder-switch.tsx';
import { LoadError, Loading, SectionTitle } from '../components/states.tsx';
import { TrainingRecords } from '../components/training-records.tsx';
import { TrainingSummaryCard } from '../components/training-summary.tsx';
import { useYear, YearSelect } from '../components/year-select.tsx';
import { useI18n } from '../i18n/language.tsx';

/**
 * `/jam-pelajaran-saya?tahun=` (the employee group): the signed-in employee's own hours against the
 * target and the pro-rata pace, and their records with certificate numbers; printable (the
 * navigation, header and controls are `no-print`). The NIP is the session's (the token's
 * `custom:nip`), never typed or in the URL, and the API answers an employee token for it alone.
 */
export default function MyHours() {
  const { t } = useI18n();
  const nip = useSession()?.nip;
  const [year, setYear] = useYear();
  const me = useQuery({ queryKey: employeeKeys.one(nip ?? ''), queryFn: () => getEmployee(nip!), enabled: !!nip });
  const trainings = useQuery({ queryKey: employeeKeys.trainings(nip ?? '', year), queryFn: () => trainingsOf(nip!, year), enabled: !!nip });

  if (!nip) {
    return (
      <Stack data-page="my-hours">
        <PageTitle>{t('navMyHours')}</PageTitle>
        <Alert color="orange">{t('myHoursNoNip')}</Alert>
      </Stack>
    );
  }
  return (
    <Stack data-page="my-hours">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <PageTitle>{t('navMyHours')}</PageTitle>
          {me.data ? (
            <Text data-testid="my-identity">{t('myHoursWho', { name: me.data.data.name, nip, unit: me.data.data.unit })}</Text>
          ) : me.error ? (
            <LoadError error={me.error} />
          ) : null}
          <Text c="dark.6">{t('myHoursIntro', { year: String(year) })}</Text>
        </Stack>
        <Group className="no-print" align="flex-end">
          <YearSelect year={year} onChange={setYear} />
          <ExportTrainingsButton nip={nip} year={year} />
          <Button variant="outline" onClick={() => window.print()}>
            {t('print')}
          </Button>
        </Group>
      </Group>
      <TrainingSummaryCard nip={nip} year={year} />
      {me.data && (
        <Card withBorder className="no-print">
          <ReminderSwitch employee={me.data.data} canChange />
        </Card>
      )}
      <Card withBorder component="section" aria-labelledby="section-records">
        <SectionTitle id="section-records">{t('employeeRecordsTitle', { year: String(year) })}</SectionTitle>
        <Stack mt="xs">
          {trainings.error ? <LoadError error={trainings.error} retry={() => void trainings.refetch()} /> : !trainings.data ? <Loading /> : <TrainingRecords trainings={trainings.data} year={year} />}
          <Text size="sm" c="dark.6">
            {t('myHoursRecordsNote')}
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}
