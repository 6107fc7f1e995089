import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { todayInJakarta } from '../../../shared/time/calendar.ts';
import type { Agreement } from '../api/client.ts';
import { chainWithGaps } from '../domain/chain.ts';
import { useI18n } from '../i18n/language.tsx';
import { StatusBadge } from './agreement-bits.tsx';

/** The renewal chain oldest first: each term, the gaps in coverage between terms, and a "today" marker. */
export function RenewalTimeline({ chain, currentId }: { chain: Agreement[]; currentId: string }) {
  const { t, date } = useI18n();
  const today = todayInJakarta();
  const steps = chainWithGaps(chain);
  const items: React.ReactNode[] = [];
  let todayShown = false;
  for (const { term, gapBefore } of steps) {
    if (!todayShown && today < term.startsOn) {
      items.push(<li key="today" data-kind="today">{t('today')}: {date(today)}</li>);
      todayShown = true;
    }
    if (gapBefore > 0) items.push(<li key={`gap-${term.id}`} data-kind="gap">{t('gap', { days: gapBefore })}</li>);
    items.push(
      <li key={term.id} data-kind="term" aria-current={term.id === currentId ? 'true' : undefined}>
        {term.id === currentId ? <strong>{term.title}</strong> : <Anchor component={Link} to={`/kerja-sama/${term.id}`}>{term.title}</Anchor>} · {date(term.startsOn)} – {date(term.endsOn)}{' '}
        <StatusBadge status={term.status} />
      </li>,
    );
    if (!todayShown && today >= term.startsOn && today <= term.endsOn) {
      items.push(<li key="today" data-kind="today">{t('today')}: {date(today)}</li>);
      todayShown = true;
    }
  }
  if (!todayShown) items.push(<li key="today" data-kind="today">{t('today')}: {date(today)}</li>);
  return <ol className="timeline">{items}</ol>;
}
