import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { trainingWriters } from '../access.ts';
import { employeeKeys, getEmployee, trainingsOf, type Training } from '../api/employees.ts';
import { ApiError } from '../api/problem.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { nipOfAddress } from '../components/employee-address.ts';
import { AddTrainingDialog } from '../components/add-training-dialog.tsx';
import { DeleteTrainingDialog } from '../components/delete-training-dialog.tsx';
import { EmployeeEditForm } from '../components/employee-edit-form.tsx';
import { ExportTrainingsButton } from '../components/export-trainings-button.tsx';
import { Fact } from '../components/fact.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { ReminderSwitch } from '../components/reminder-switch.tsx';
import { LoadError, Loading, SectionTitle } from '../components/states.tsx';
import { TrainingRecords } from '../components/training-records.tsx';
import { TrainingSummaryCard } from '../components/training-summary.tsx';
import { useYear, YearSelect } from '../components/year-select.tsx';
import { useI18n } from '../i18n/language.tsx';

/** A NIP nobody registered, or an address of an earlier session: said plainly, with the way back (the page keeps its own name and one h1). */
function EmployeeNotFound({ nip }: { nip: string | undefined }) {
  const { t } = useI18n();
  return (
    <Stack data-page="employee-profile" data-state="not-found" maw={640}>
      <PageTitle>{t('employeeNotFoundTitle')}</PageTitle>
      <Text>{nip === undefined ? t('employeeAddressExpired') : t('employeeNotFoundBody', { nip })}</Text>
      <Anchor component={Link} to="/pegawai">
        {t('employeeBackToSearch')}
      </Anchor>
    </Stack>
  );
}

/**
 * `/pegawai/{alias or nip}?tahun=` (components/employee-address.ts): the profile (edited with If-Match by training-admin), the year's records
 * (added and deleted by training-admin) and the year's hours against the target. The document
 * title stays generic: browser history keeps titles, and a name is personal data.
 */
export default function EmployeeProfile() {
  const { nip: address = '' } = useParams();
  const nip = nipOfAddress(address);
  if (nip === undefined) return <EmployeeNotFound nip={undefined} />;
  return <Profile nip={nip} />;
}

function Profile({ nip }: { nip: string }) {
  const { t, timestamp } = useI18n();
  const session = useSession();
  const canWrite = hasAnyGroup(session, trainingWriters);
  const [year, setYear] = useYear();
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<'add' | 'delete'>();
  const [deleting, setDeleting] = useState<Training>();
  const [notice, setNotice] = useState<string>();
  const employee = useQuery({ queryKey: employeeKeys.one(nip), queryFn: () => getEmployee(nip) });
  const trainings = useQuery({ queryKey: employeeKeys.trainings(nip, year), queryFn: () => trainingsOf(nip, year), enabled: !!employee.data });

  if (employee.error instanceof ApiError && (employee.error.status === 404 || employee.error.status === 400)) return <EmployeeNotFound nip={nip} />;
  if (employee.error) return <LoadError error={employee.error} retry={() => void employee.refetch()} />;
  if (!employee.data) return <Loading />;
  const { data: person, etag } = employee.data;

  return (
    <Stack data-page="employee-profile">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <PageTitle text={t('navEmployees')}>{person.name}</PageTitle>
          <Text c="dark.6">
            {t('employeeNip')} {person.nip}
          </Text>
        </Stack>
        <Group className="no-print" align="flex-end">
          <YearSelect year={year} onChange={setYear} />
          <ExportTrainingsButton nip={nip} year={year} />
          {canWrite && !editing && (
            <Button variant="outline" onClick={() => setEditing(true)}>
              {t('employeeEdit')}
            </Button>
          )}
        </Group>
      </Group>
      {/* Announced to screen readers: what the last add, delete or save did. */}
      <div role="status" aria-live="polite">
        {notice && (
          <Alert color="green" withCloseButton closeButtonLabel={t('close')} onClose={() => setNotice(undefined)}>
            {notice}
          </Alert>
        )}
      </div>
      {editing ? (
        <EmployeeEditForm
          employee={person}
          etag={etag}
          onDone={(saved) => {
            setEditing(false);
            if (saved) setNotice(t('employeeSaved'));
          }}
        />
      ) : (
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" m={0}>
            <Fact term={t('employeeUnit')}>
              <Anchor component={Link} to={`/pelatihan/unit/${encodeURIComponent(person.unit)}`} td="underline">
                {person.unit}
              </Anchor>
            </Fact>
            <Fact term={t('employeePosition')}>{person.position}</Fact>
            <Fact term={t('employeeEmail')}>{person.email}</Fact>
            <Fact term={t('employeeSupervisor')}>{person.supervisorEmail}</Fact>
            <Fact term={t('employeeUpdatedAt')}>{timestamp(person.updatedAt)}</Fact>
            {!canWrite && <ReminderSwitch employee={person} canChange={false} />}
          </SimpleGrid>
          {canWrite && (
            <Stack mt="md" className="no-print">
              <ReminderSwitch employee={person} canChange />
            </Stack>
          )}
        </Card>
      )}
      <TrainingSummaryCard nip={nip} year={year} />
      <Card withBorder component="section" aria-labelledby="section-records">
        <Group justify="space-between">
          <SectionTitle id="section-records">{t('employeeRecordsTitle', { year: String(year) })}</SectionTitle>
          {canWrite && (
            <Button className="no-print" onClick={() => setDialog('add')}>
              {t('employeeAddTraining')}
            </Button>
          )}
        </Group>
        <Stack mt="xs">
          {trainings.error ? (
            <LoadError error={trainings.error} retry={() => void trainings.refetch()} />
          ) : !trainings.data ? (
            <Loading />
          ) : (
            <TrainingRecords
              trainings={trainings.data}
              year={year}
              linkPrograms
              onDelete={
                canWrite
                  ? (training) => {
                      setDeleting(training);
                      setDialog('delete');
                    }
                  : undefined
              }
            />
          )}
        </Stack>
      </Card>
      {/* Always mounted, so the kit's Modal records the opener and gives it its focus back on close. */}
      {canWrite && <AddTrainingDialog nip={nip} opened={dialog === 'add'} onClose={() => setDialog(undefined)} onAdded={(training) => setNotice(t('employeeTrainingAdded', { title: training.title }))} />}
      {canWrite && (
        <DeleteTrainingDialog nip={nip} training={deleting} opened={dialog === 'delete'} onClose={() => setDialog(undefined)} onDeleted={(training) => setNotice(t('employeeTrainingDeleted', { title: training.title }))} />
      )}
    </Stack>
  );
}
