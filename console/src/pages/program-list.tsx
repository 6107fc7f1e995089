import { Anchor, Button, Group, Modal, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { currentYear } from '../../../shared/time/calendar.ts';
import { trainingWriters } from '../access.ts';
import { programsOfAgreement, programsOfYear } from '../api/programs.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { PageTitle } from '../components/page-title.tsx';
import { methodWord, ProgramLength } from '../components/program-bits.tsx';
import { ProgramForm } from '../components/program-form.tsx';
import { LoadError, Loading } from '../components/states.tsx';
import { useI18n } from '../i18n/language.tsx';

/**
 * `/program-pelatihan?tahun=YYYY` (or `?kerjaSama=<id>`: the programs under an agreement):
 * programs and their cohorts, ending in a year, by start date; training-admin adds a program.
 */
export default function ProgramList() {
  const { t, date } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const thisYear = currentYear();
  const year = Number(params.get('tahun') ?? thisYear) || thisYear;
  const agreementId = params.get('kerjaSama') ?? undefined;
  const programs = useQuery({
    queryKey: ['programs', agreementId ? { agreementId } : { year }],
    queryFn: () => (agreementId ? programsOfAgreement(agreementId) : programsOfYear(year)),
  });
  const canWrite = hasAnyGroup(session, trainingWriters);
  const title = agreementId ? t('programsOfAgreement') : t('programsOfYear', { year: String(year) });

  return (
    <Stack data-page="program-list">
      <Group justify="space-between" align="flex-end">
        <PageTitle text={title}>{title}</PageTitle>
        <Group align="flex-end">
          {agreementId ? (
            <Anchor component={Link} to={`/kerja-sama/${agreementId}`}>
              {t('programBackToAgreement')}
            </Anchor>
          ) : (
            <NativeSelect label={t('year')} value={String(year)} onChange={(event) => setParams({ tahun: event.currentTarget.value })} data={Array.from({ length: 8 }, (_, index) => String(thisYear + 1 - index))} />
          )}
          {canWrite && <Button onClick={() => setCreating(true)}>{t('programNew')}</Button>}
        </Group>
      </Group>
      {programs.error ? (
        <LoadError error={programs.error} retry={() => void programs.refetch()} />
      ) : !programs.data ? (
        <Loading />
      ) : programs.data.length === 0 ? (
        <Text c="gray.7">{t('programNone')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped data-testid="program-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('title')}</Table.Th>
                <Table.Th>{t('programCohort')}</Table.Th>
                <Table.Th>{t('programProvider')}</Table.Th>
                <Table.Th>{t('programMethod')}</Table.Th>
                <Table.Th>{t('programDates')}</Table.Th>
                <Table.Th>{t('programLength')}</Table.Th>
                <Table.Th>{t('programParticipants')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {programs.data.map((program) => (
                <Table.Tr key={program.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/program-pelatihan/${program.id}`} style={{ textDecoration: 'underline' }}>
                      {program.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{program.cohort ?? '—'}</Table.Td>
                  <Table.Td>{program.provider}</Table.Td>
                  <Table.Td>{t(methodWord[program.method])}</Table.Td>
                  <Table.Td>
                    {date(program.startsOn)} – {date(program.endsOn)}
                  </Table.Td>
                  <Table.Td>
                    <ProgramLength program={program} />
                  </Table.Td>
                  <Table.Td>
                    {t('programParticipantCounts', { internal: program.internalParticipants, external: program.externalParticipants })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWrite && (
        <Modal opened={creating} onClose={() => setCreating(false)} title={t('programNew')} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
          <ProgramForm
            onCancel={() => setCreating(false)}
            onSaved={(program) => {
              void queryClient.invalidateQueries({ queryKey: ['programs'] });
              navigate(`/program-pelatihan/${program.id}`);
            }}
          />
        </Modal>
      )}
    </Stack>
  );
}
