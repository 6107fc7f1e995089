import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { agreementWriters } from '../access.ts';
import { api, unwrap } from '../api/client.ts';
import { getAgreement, renewalChain } from '../api/chain.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { Activities } from '../components/activities.tsx';
import { AgreementLink, DaysLeft, StatusBadge } from '../components/agreement-bits.tsx';
import { Documents } from '../components/documents.tsx';
import { Fact } from '../components/fact.tsx';
import { History } from '../components/history.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { RenewDialog } from '../components/renew-dialog.tsx';
import { LoadError, Loading, SectionTitle } from '../components/states.tsx';
import { TerminateDialog } from '../components/terminate-dialog.tsx';
import { RenewalTimeline } from '../components/timeline.tsx';
import { outlivingChildren } from '../domain/chain.ts';
import { useI18n } from '../i18n/language.tsx';

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <SectionTitle id={id}>{title}</SectionTitle>
      <Stack mt="xs">{children}</Stack>
    </Card>
  );
}

/** The parent agreement by its title (its id until the title is in, or if it cannot be read). */
function ParentLink({ id }: { id: string }) {
  const parent = useQuery({ queryKey: ['agreements', id], queryFn: () => getAgreement(id) });
  return (
    <Anchor component={Link} to={`/kerja-sama/${id}`}>
      {parent.data?.data.title ?? id}
    </Anchor>
  );
}

/** `/kerja-sama/{id}`: status and days left, chain, children, outcomes, history, documents, actions. */
export default function AgreementDetail() {
  const { id = '' } = useParams();
  const { t, label, date } = useI18n();
  const session = useSession();
  const [dialog, setDialog] = useState<'renew' | 'terminate'>();
  const agreement = useQuery({ queryKey: ['agreements', id], queryFn: () => getAgreement(id) });
  const chain = useQuery({ queryKey: ['agreements', id, 'chain'], queryFn: () => renewalChain(agreement.data!.data), enabled: !!agreement.data });
  const children = useQuery({ queryKey: ['agreements', id, 'children'], queryFn: () => unwrap(api().GET('/agreements', { params: { query: { parentId: id, limit: 100 } } })) });
  const outcomes = useQuery({ queryKey: ['agreements', id, 'outcomes'], queryFn: () => unwrap(api().GET('/agreements/{id}/outcomes', { params: { path: { id } } })) });
  const history = useQuery({ queryKey: ['agreements', id, 'history'], queryFn: () => unwrap(api().GET('/agreements/{id}/history', { params: { path: { id }, query: { limit: 100 } } })) });

  if (agreement.error) return <LoadError error={agreement.error} retry={() => void agreement.refetch()} />;
  if (!agreement.data) return <Loading />;
  const { data: item, etag } = agreement.data;
  const canWrite = hasAnyGroup(session, agreementWriters);
  const open = item.status !== 'RENEWED' && item.status !== 'TERMINATED';
  const outliving = outlivingChildren(item, children.data?.items ?? []);

  return (
    <Stack data-page="agreement-detail">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <PageTitle>{item.title}</PageTitle>
          <Group gap="sm">
            <StatusBadge status={item.status} />
            <DaysLeft agreement={item} />
          </Group>
        </Stack>
        {canWrite && open && (
          <Group className="no-print">
            <Button component={Link} to={`/kerja-sama/${item.id}/ubah`} variant="outline">
              {t('edit')}
            </Button>
            <Button onClick={() => setDialog('renew')}>{t('renew')}</Button>
            <Button color="red.9" variant="outline" onClick={() => setDialog('terminate')}>
              {t('terminate')}
            </Button>
          </Group>
        )}
      </Group>
      {(item.warnings ?? []).length > 0 && (
        <Alert color="yellow" title={t('warnings')}>
          {item.warnings!.map((warning) => `${warning.path}: ${warning.message}`).join(' ')}
        </Alert>
      )}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" m={0}>
          <Fact term={t('kind')}>{label(item.kind)}</Fact>
          <Fact term={t('number')}>{item.number}</Fact>
          <Fact term={t('partnerNumber')}>{item.partnerNumber}</Fact>
          <Fact term={t('period')}>
            {date(item.startsOn)} – {date(item.endsOn)}
          </Fact>
          <Fact term={t('signedOn')}>{item.signedOn && date(item.signedOn)}</Fact>
          <Fact term={t('ownerUnit')}>{item.ownerUnit}</Fact>
          <Fact term={t('partners')}>{item.partners.map((partner) => `${partner.name} (${label(partner.category)}, ${partner.country})`).join('; ')}</Fact>
          <Fact term={t('fields')}>{item.fields.join(', ')}</Fact>
          <Fact term={t('contacts')}>{item.contactEmails.join(', ')}</Fact>
          {item.parentId && (
            <Fact term={t('parent')}>
              <ParentLink id={item.parentId} />
            </Fact>
          )}
          {item.terminationReason && <Fact term={t('terminationReason')}>{item.terminationReason}</Fact>}
          {item.notes && <Fact term={t('notes')}>{item.notes}</Fact>}
        </SimpleGrid>
      </Card>
      <Activities agreement={item} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Section title={t('timeline')} id="section-chain">
          {chain.data ? <RenewalTimeline chain={chain.data} currentId={item.id} /> : chain.error ? <LoadError error={chain.error} /> : <Loading />}
        </Section>
        <Section title={t('children')} id="section-children">
          {!children.data ? (
            <Loading />
          ) : children.data.items.length === 0 ? (
            <Text c="gray.7">{t('none')}</Text>
          ) : (
            <List listStyleType="none" p={0} spacing="xs">
              {children.data.items.map((child) => (
                <List.Item key={child.id}>
                  <AgreementLink agreement={child} /> · {label(child.kind)} · {date(child.endsOn)} <StatusBadge status={child.status} />
                  {outliving.includes(child) && <Text span c="red.9" fw={600}> · {t('outlivesParent')}</Text>}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('outcomes')} id="section-outcomes">
          {outcomes.data ? (
            <Text>
              {t('outcomesLine', { trainings: outcomes.data.trainings, participants: outcomes.data.participants, hours: outcomes.data.hours })}
            </Text>
          ) : outcomes.error ? (
            <Text c="gray.7">{outcomes.error.message}</Text>
          ) : (
            <Loading />
          )}
        </Section>
        <Section title={t('documents')} id="section-documents">
          <Documents agreementId={item.id} canUpload={canWrite} />
        </Section>
      </SimpleGrid>
      <Section title={t('history')} id="section-history">
        {history.data ? <History entries={history.data.items} /> : <Loading />}
      </Section>
      {/* Always mounted, so the kit's Modal records the opener and gives it its focus back on close. */}
      {canWrite && open && <RenewDialog agreement={item} opened={dialog === 'renew'} onClose={() => setDialog(undefined)} />}
      {canWrite && open && <TerminateDialog agreement={item} etag={etag} opened={dialog === 'terminate'} onClose={() => setDialog(undefined)} />}
    </Stack>
  );
}
