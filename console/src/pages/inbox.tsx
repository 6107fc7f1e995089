import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { todayInJakarta } from '../../../shared/time/calendar.ts';
import { alertReaders } from '../access.ts';
import type { Agreement } from '../api/client.ts';
import { agreementsInStatus, alertsInStatus, dormantAgreements, expiringWithin } from '../api/queries.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { AgreementLink, DaysLeft, partnerNames } from '../components/agreement-bits.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading, SectionTitle } from '../components/states.tsx';
import { byWindow, endingWindows } from '../domain/windows.ts';
import { useI18n } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** One box of the inbox: a title with its count, and each item with the link to where it is fixed. */
function InboxSection({ title, count, children, testId }: { title: string; count: number | null; children: ReactNode; testId: string }) {
  const { t, number } = useI18n();
  const headingId = `inbox-${testId}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-section={testId}>
      <Group justify="space-between" mb="xs">
        <SectionTitle id={headingId}>{title}</SectionTitle>
        {count !== null && (
          <Badge variant="filled" color={count ? 'red.9' : 'gray.7'} aria-label={`${number(count)}`}>
            {number(count)}
          </Badge>
        )}
      </Group>
      {count === null ? <Text c="gray.7">{t('inboxUnavailable')}</Text> : count === 0 ? <Text c="gray.7">{t('inboxNothing')}</Text> : children}
    </Card>
  );
}

function AgreementItems({ agreements, fix, fixPath }: { agreements: Agreement[]; fix: MessageKey; fixPath: (agreement: Agreement) => string }) {
  const { t } = useI18n();
  return (
    <List spacing="xs" listStyleType="none" p={0}>
      {agreements.map((agreement) => (
        <List.Item key={agreement.id}>
          <AgreementLink agreement={agreement} /> <Text span size="sm">· {partnerNames(agreement)} · </Text>
          <DaysLeft agreement={agreement} />{' '}
          <Anchor component={Link} to={fixPath(agreement)} size="sm">
            ({t(fix)})
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

/** `/` Perlu perhatian: what needs acting on, each with the way to fix it. */
export function Inbox() {
  const { t, date } = useI18n();
  const session = useSession();
  const today = todayInJakarta();
  const expiring = useQuery({ queryKey: ['agreements', 'expiring', 180], queryFn: () => expiringWithin(180) });
  const expired = useQuery({ queryKey: ['agreements', 'status', 'EXPIRED'], queryFn: () => agreementsInStatus('EXPIRED') });
  const pending = useQuery({ queryKey: ['agreements', 'status', 'PENDING'], queryFn: () => agreementsInStatus('PENDING') });
  const active = useQuery({ queryKey: ['agreements', 'status', 'ACTIVE'], queryFn: () => agreementsInStatus('ACTIVE') });
  const dormant = useQuery({ queryKey: ['agreements', 'dormant'], queryFn: () => dormantAgreements() });
  const mayReadAlerts = hasAnyGroup(session, alertReaders);
  const failed = useQuery({ queryKey: ['alerts', 'FAILED'], queryFn: () => alertsInStatus('FAILED'), enabled: mayReadAlerts });

  const firstError = [expiring, expired, pending, active].find((query) => query.error)?.error;
  if (firstError) return <LoadError error={firstError} retry={() => void expiring.refetch()} />;
  if (!expiring.data || !expired.data || !pending.data || !active.data) return <Loading />;
  const windows = byWindow(expiring.data, today);
  const detail = (agreement: Agreement) => `/kerja-sama/${agreement.id}`;
  // In force, yet nobody has the signed text at hand: the count is kept by the API on each checked upload.
  const unsigned = active.data.filter((agreement) => !agreement.signedDocuments);

  return (
    <Stack data-page="inbox">
      <PageTitle>{t('inboxTitle')}</PageTitle>
      <Text>{t('inboxIntro', { date: date(today) })}</Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {endingWindows.map((window) => {
          const items = windows.get(window) ?? [];
          return (
            <InboxSection key={window} testId={`ending-${window}`} title={t('inboxEnding', { days: window })} count={items.length}>
              <AgreementItems agreements={items} fix="fixRenew" fixPath={detail} />
            </InboxSection>
          );
        })}
        <InboxSection testId="expired" title={t('inboxExpired')} count={expired.data.length}>
          <AgreementItems agreements={expired.data} fix="fixRenew" fixPath={detail} />
        </InboxSection>
        <InboxSection testId="pending" title={t('inboxPending')} count={pending.data.length}>
          <AgreementItems agreements={pending.data} fix="fixOpen" fixPath={detail} />
        </InboxSection>
        <InboxSection testId="unsigned" title={t('inboxUnsigned')} count={unsigned.length}>
          <AgreementItems agreements={unsigned} fix="fixUploadSigned" fixPath={(agreement) => `${detail(agreement)}#section-documents`} />
        </InboxSection>
        <InboxSection testId="dormant" title={t('inboxDormant')} count={dormant.data === undefined || dormant.data === null ? null : dormant.data.length}>
          <AgreementItems agreements={dormant.data ?? []} fix="fixOpen" fixPath={detail} />
        </InboxSection>
        {mayReadAlerts && (
          <InboxSection testId="failed-alerts" title={t('inboxFailedAlerts')} count={failed.data?.length ?? null}>
            <List spacing="xs" listStyleType="none" p={0}>
              {(failed.data ?? []).map((alert) => (
                <List.Item key={alert.id}>
                  <Text span size="sm">
                    {alert.period} · {alert.lastError ?? ''}{' '}
                  </Text>
                  <Anchor component={Link} to="/notifikasi" size="sm">
                    ({t('fixAlert')})
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </InboxSection>
        )}
      </SimpleGrid>
    </Stack>
  );
}
