import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { todayInJakarta } from '../../../shared/time/calendar.ts';
import { alertReaders } from '../access.ts';
import type { Agreement, Alert } from '../api/client.ts';
import { agreementsInStatus, alertsInStatus, dormantAgreements, expiringWithin } from '../api/queries.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { AgreementLink, DaysLeft, partnerNames } from '../components/agreement-bits.tsx';
import { AlertAbout, useSay } from '../components/alert-text.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading, SectionTitle } from '../components/states.tsx';
import { periodOf, reasonOf } from '../domain/alerts.ts';
import { expiredToActOn, INBOX_ITEMS, windowListPath, withoutSignedDocument } from '../domain/inbox.ts';
import { byWindow, endingWindows } from '../domain/windows.ts';
import { useI18n } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** One box of the inbox: its title and total, the first items, and the way to all of them. */
interface Section {
  id: string;
  title: string;
  /** null: still loading (`loading`), or the API does not offer this part (yet). */
  items: ReactNode[] | null;
  loading?: boolean;
  /** Where all the items are: a filtered list, a page, or this section alone (`?bagian=`). */
  seeAll: string;
  note?: string;
}

function InboxSection({ section, all }: { section: Section; all: boolean }) {
  const { t, number } = useI18n();
  const headingId = `inbox-${section.id}`;
  const count = section.items?.length ?? null;
  const shown = all ? section.items : section.items?.slice(0, INBOX_ITEMS);
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-section={section.id}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <SectionTitle id={headingId}>{section.title}</SectionTitle>
        {count !== null && (
          <Badge variant="filled" color={count ? 'red.9' : 'gray.7'} aria-label={number(count)} style={{ flexShrink: 0 }}>
            {number(count)}
          </Badge>
        )}
      </Group>
      {section.note && (
        <Text size="sm" c="gray.7" mb="xs">
          {section.note}
        </Text>
      )}
      {count === null ? (
        section.loading ? <Loading /> : <Text c="gray.7">{t('inboxUnavailable')}</Text>
      ) : count === 0 ? (
        <Text c="gray.7">{t('inboxNothing')}</Text>
      ) : (
        <List spacing="xs" listStyleType="none" p={0}>
          {shown!.map((item, index) => (
            <List.Item key={index}>{item}</List.Item>
          ))}
        </List>
      )}
      {!all && count !== null && count > INBOX_ITEMS && (
        <Anchor component={Link} to={section.seeAll} mt="sm" display="inline-block" fw={500}>
          {t('inboxSeeAll', { count })}
        </Anchor>
      )}
    </Card>
  );
}

function AgreementItem({ agreement, fix, to }: { agreement: Agreement; fix: MessageKey; to: string }) {
  const { t } = useI18n();
  return (
    <>
      <AgreementLink agreement={agreement} /> <Text span size="sm">· {partnerNames(agreement)} · </Text>
      <DaysLeft agreement={agreement} />{' '}
      <Anchor component={Link} to={to} size="sm">
        ({t(fix)})
      </Anchor>
    </>
  );
}

function FailedAlertItem({ alert }: { alert: Alert }) {
  const { t } = useI18n();
  const say = useSay();
  return (
    <>
      <Text span size="sm" fw={500}>
        <AlertAbout alert={alert} />
      </Text>
      <Text span size="sm">
        {' '}
        · {say(periodOf(alert))} · {t(reasonOf(alert.lastError))}{' '}
      </Text>
      <Anchor component={Link} to="/notifikasi?status=FAILED" size="sm">
        ({t('inboxFixAlerts')})
      </Anchor>
    </>
  );
}

/**
 * `/` Perlu perhatian: what needs acting on, most urgent first (failed alerts, then the nearest
 * end dates), each box with its first items, its total and the way to all of them. `?bagian=<box>`
 * shows one box whole, for the parts no list filter can show (computed here).
 */
export function Inbox() {
  const { t, date } = useI18n();
  const session = useSession();
  const [params] = useSearchParams();
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
  const agreementItems = (agreements: Agreement[], fix: MessageKey, to: (agreement: Agreement) => string = detail) =>
    agreements.map((agreement) => <AgreementItem key={agreement.id} agreement={agreement} fix={fix} to={to(agreement)} />);
  const alone = (id: string) => `/?bagian=${id}`;

  const sections: Section[] = [
    ...(mayReadAlerts
      ? [
          {
            id: 'failed-alerts',
            title: t('inboxFailedAlerts'),
            items: failed.data ? [...failed.data].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((alert) => <FailedAlertItem key={alert.id} alert={alert} />) : null,
            loading: failed.isPending,
            seeAll: '/notifikasi?status=FAILED',
          },
        ]
      : []),
    ...endingWindows.map((window) => ({
      id: `ending-${window}`,
      title: t('inboxEnding', { days: window }),
      items: agreementItems(windows.get(window) ?? [], 'fixRenew'),
      seeAll: windowListPath(window, today),
    })),
    { id: 'expired', title: t('inboxExpired'), note: t('inboxExpiredNote'), items: agreementItems(expiredToActOn(expired.data, today), 'fixRenew'), seeAll: alone('expired') },
    { id: 'pending', title: t('inboxPending'), items: agreementItems(pending.data, 'fixOpen'), seeAll: '/kerja-sama?status=PENDING' },
    {
      id: 'unsigned',
      title: t('inboxUnsigned'),
      items: agreementItems(withoutSignedDocument(active.data), 'fixUploadSigned', (agreement) => `${detail(agreement)}#section-documents`),
      seeAll: alone('unsigned'),
    },
    // Dormant: recording an activity or an evaluation on the agreement's page (#kegiatan) ends it.
    { id: 'dormant', title: t('inboxDormant'), items: dormant.data ? agreementItems(dormant.data, 'fixOpen', (agreement) => `${detail(agreement)}#kegiatan`) : null, loading: dormant.isPending, seeAll: alone('dormant') },
  ];
  const only = sections.find((section) => section.id === params.get('bagian'));

  return (
    <Stack data-page="inbox">
      <PageTitle>{t('inboxTitle')}</PageTitle>
      <Text>{t('inboxIntro', { date: date(today) })}</Text>
      {only ? (
        <>
          <Anchor component={Link} to="/">
            {t('inboxBack')}
          </Anchor>
          <InboxSection section={only} all />
        </>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {sections.map((section) => (
            <InboxSection key={section.id} section={section} all={false} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
