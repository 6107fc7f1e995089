import { Anchor, Badge } from '@mantine/core';
import { Link } from 'react-router';
import type { Agreement } from '../api/client.ts';
import { todayInJakarta } from '../../../shared/time/calendar.ts';
import { daysLeft } from '../domain/windows.ts';
import { useI18n } from '../i18n/language.tsx';

const statusColors: Record<Agreement['status'], string> = { PENDING: 'grape', ACTIVE: 'green', EXPIRED: 'red', TERMINATED: 'gray', RENEWED: 'blue' };

/** The status as a word (never colour alone) in a badge. */
export function StatusBadge({ status }: { status: Agreement['status'] }) {
  const { label } = useI18n();
  return (
    <Badge color={statusColors[status]} variant="light" c="dark.9" tt="none" styles={{ root: { overflow: "visible", maxWidth: "none" }, label: { overflow: "visible" } }}>
      {label(status)}
    </Badge>
  );
}

/** "12 hari lagi", "berakhir 3 hari lalu", "mulai 5 hari lagi", counted on today's Jakarta date. */
export function DaysLeft({ agreement }: { agreement: Pick<Agreement, 'startsOn' | 'endsOn' | 'status'> }) {
  const { t } = useI18n();
  const today = todayInJakarta();
  let text: string;
  if (agreement.status === 'PENDING') text = t('startsIn', { days: daysLeft(agreement.startsOn, today) });
  else {
    const days = daysLeft(agreement.endsOn, today);
    text = days === 0 ? t('endsToday') : days > 0 ? t('daysLeft', { days }) : t('endedDaysAgo', { days: -days });
  }
  return <span className="days-left">{text}</span>;
}

export function AgreementLink({ agreement }: { agreement: Pick<Agreement, 'id' | 'title'> }) {
  return (
    <Anchor component={Link} to={`/kerja-sama/${agreement.id}`}>
      {agreement.title}
    </Anchor>
  );
}

export function partnerNames(agreement: Pick<Agreement, 'partners'>): string {
  return agreement.partners.map((partner) => partner.name).join(', ');
}
