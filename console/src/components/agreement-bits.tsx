import { Anchor, Badge } from '@mantine/core';
import { Link } from 'react-router';
import type { Agreement } from '../api/client.ts';
import { todayInJakarta } from '../../../shared/time/calendar.ts';
import { daysLeft } from '../domain/windows.ts';
import { useI18n, type I18n } from '../i18n/language.tsx';

/** The Mantine colour of each status (the list draws its badges itself, agreement-list.css). */
export const statusColors: Record<Agreement['status'], string> = { PENDING: 'grape', ACTIVE: 'green', EXPIRED: 'red', TERMINATED: 'gray', RENEWED: 'blue', WITHDRAWN: 'dark' };

/** The status as a word (never colour alone) in a badge. */
export function StatusBadge({ status }: { status: Agreement['status'] }) {
  const { label } = useI18n();
  return (
    <Badge color={statusColors[status]} variant="light" c="dark.9" tt="none" styles={{ root: { overflow: "visible", maxWidth: "none" }, label: { overflow: "visible" } }}>
      {label(status)}
    </Badge>
  );
}

/** "12 hari lagi", "berakhir 3 hari lalu", "mulai 5 hari lagi", counted on `today`'s Jakarta date. */
export function daysLeftText(agreement: Pick<Agreement, 'startsOn' | 'endsOn' | 'status'>, today: string, t: I18n['t']): string {
  if (agreement.status === 'PENDING') return t('startsIn', { days: daysLeft(agreement.startsOn, today) });
  const days = daysLeft(agreement.endsOn, today);
  return days === 0 ? t('endsToday') : days > 0 ? t('daysLeft', { days }) : t('endedDaysAgo', { days: -days });
}

export function DaysLeft({ agreement }: { agreement: Pick<Agreement, 'startsOn' | 'endsOn' | 'status'> }) {
  const { t } = useI18n();
  return <span className="days-left">{daysLeftText(agreement, todayInJakarta(), t)}</span>;
}

export function AgreementLink({ agreement }: { agreement: Pick<Agreement, 'id' | 'title'> }) {
  return (
    <Anchor component={Link} to={`/kerja-sama/${agreement.id}`} underline="always" style={{ textDecoration: 'underline' }}>
      {agreement.title}
    </Anchor>
  );
}

export function partnerNames(agreement: Pick<Agreement, 'partners'>): string {
  return agreement.partners.map((partner) => partner.name).join(', ');
}
