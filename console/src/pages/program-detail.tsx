import { Anchor, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { trainingWriters } from '../access.ts';
import { getProgram, participantsOf, type Participant } from '../api/programs.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { employeePath } from '../components/employee-address.ts';
import { Fact } from '../components/fact.tsx';
import { AddParticipantDialog } from '../components/participant-add-dialog.tsx';
import { RemoveParticipantDialog } from '../components/participant-remove-dialog.tsx';
import { ParticipantRosterDialog } from '../components/participant-roster-dialog.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { methodWord, ProgramLength, WordBadge } from '../components/program-bits.tsx';
import { ProgramForm } from '../components/program-form.tsx';
import { LoadError, Loading, SectionTitle } from '../components/states.tsx';
import { useI18n } from '../i18n/language.tsx';

/**
 * `/program-pelatihan/{id}`: the program, its agreement, its participants (DKI employees and
 * those of other agencies) and their change projects; training-admin edits the program and adds
 * or removes participants, one by one or from a roster.
 */
export default function ProgramDetail() {
  const { id = '' } = useParams();
  const { t, date, number } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'edit' | 'add' | 'roster'>();
  const [removing, setRemoving] = useState<Participant>();
  const program = useQuery({ queryKey: ['programs', id], queryFn: () => getProgram(id) });
  const participants = useQuery({ queryKey: ['programs', id, 'participants'], queryFn: () => participantsOf(id) });
  const canWrite = hasAnyGroup(session, trainingWriters);
  // A participant changes the program's counts (and, for an employee, their hours).
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['programs'] });

  if (program.error) return <LoadError error={program.error} retry={() => void program.refetch()} />;
  if (!program.data) return <Loading />;
  const { data: item, etag } = program.data;
  const heading = item.cohort ? `${item.title} · ${item.cohort}` : item.title;

  return (
    <Stack data-page="program-detail">
      <Group justify="space-between" align="flex-start">
        <PageTitle text={heading}>{heading}</PageTitle>
        {canWrite && (
          <Group className="no-print">
            <Button variant="outline" onClick={() => setDialog('edit')}>
              {t('edit')}
            </Button>
            <Button onClick={() => setDialog('add')}>{t('programAddParticipant')}</Button>
            <Button variant="outline" onClick={() => setDialog('roster')}>
              {t('programRosterTitle')}
            </Button>
          </Group>
        )}
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" m={0}>
          <Fact term={t('programProvider')}>{item.provider}</Fact>
          <Fact term={t('programMethod')}>{t(methodWord[item.method])}</Fact>
          <Fact term={t('programDates')}>
            {date(item.startsOn)} – {date(item.endsOn)}
          </Fact>
          <Fact term={t('programLength')}>
            <ProgramLength program={item} />
          </Fact>
          <Fact term={t('programCountsIn')}>{String(item.year)}</Fact>
          <Fact term={t('programAgreement')}>
            {item.agreementId && (
              <Anchor component={Link} to={`/kerja-sama/${item.agreementId}`} style={{ textDecoration: 'underline' }}>
                {t('programOpenAgreement')}
              </Anchor>
            )}
          </Fact>
          <Fact term={t('programParticipants')}>{t('programParticipantCounts', { internal: item.internalParticipants, external: item.externalParticipants })}</Fact>
        </SimpleGrid>
      </Card>
      <Card withBorder component="section" aria-labelledby="section-participants">
        <SectionTitle id="section-participants">{t('programParticipants')}</SectionTitle>
        {participants.error ? (
          <LoadError error={participants.error} retry={() => void participants.refetch()} />
        ) : !participants.data ? (
          <Loading />
        ) : participants.data.length === 0 ? (
          <Text c="gray.7" mt="xs">
            {t('programNoParticipants')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={800} mt="xs">
            <Table striped data-testid="participant-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>NIP</Table.Th>
                  <Table.Th>{t('programName')}</Table.Th>
                  <Table.Th>{t('programParticipantKind')}</Table.Th>
                  <Table.Th>{t('programUnitOrAgency')}</Table.Th>
                  <Table.Th>{t('programChangeProject')}</Table.Th>
                  {canWrite && <Table.Th>{t('programActions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {participants.data.map((participant) => (
                  <Table.Tr key={participant.nip} data-kind={participant.kind}>
                    <Table.Td>
                      {participant.kind === 'INTERNAL' ? (
                        <Anchor component={Link} to={employeePath(participant.nip)} style={{ textDecoration: 'underline' }}>
                          {participant.nip}
                        </Anchor>
                      ) : (
                        participant.nip
                      )}
                    </Table.Td>
                    <Table.Td>{participant.name}</Table.Td>
                    <Table.Td>
                      <WordBadge color={participant.kind === 'INTERNAL' ? 'blue' : 'grape'}>
                        {participant.kind === 'INTERNAL' ? t('programInternal') : t('programExternal')}
                      </WordBadge>
                    </Table.Td>
                    <Table.Td>{participant.kind === 'INTERNAL' ? participant.unit : participant.agency}</Table.Td>
                    <Table.Td>{participant.changeProjectTitle ?? '—'}</Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Button size="xs" variant="outline" color="red.9" onClick={() => setRemoving(participant)} aria-label={t('programRemoveNamed', { name: participant.name })}>
                          {t('programRemove')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {participants.data && participants.data.length > 0 && (
          <Text size="sm" c="dark.6" mt="xs">
            {t('programHoursNote', { hours: number(item.hours) })}
          </Text>
        )}
      </Card>
      {/* Always mounted, so each Modal records its opener and gives it its focus back on close. */}
      {canWrite && (
        <>
          <Modal opened={dialog === 'edit'} onClose={() => setDialog(undefined)} title={t('programEdit')} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
            <ProgramForm
              key={etag}
              editing={{ program: item, etag }}
              onCancel={() => setDialog(undefined)}
              onSaved={() => {
                refresh();
                setDialog(undefined);
              }}
            />
          </Modal>
          <AddParticipantDialog programId={item.id} opened={dialog === 'add'} onClose={() => setDialog(undefined)} onAdded={refresh} />
          <ParticipantRosterDialog programId={item.id} opened={dialog === 'roster'} onClose={() => setDialog(undefined)} onAdded={refresh} />
          <RemoveParticipantDialog programId={item.id} participant={removing} onClose={() => setRemoving(undefined)} onRemoved={refresh} />
        </>
      )}
    </Stack>
  );
}
