import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Alert } from '../api/client.ts';
import { aboutOf, type Words } from '../domain/alerts.ts';
import { monthName } from '../i18n/format.ts';
import { useI18n } from '../i18n/language.tsx';

/** Writes an alert's words in the UI language: dates as "2 Oktober 2029", months as "Desember 2026". */
export function useSay(): (words: Words) => string {
  const { t, date, language } = useI18n();
  return ({ key, values = {}, dates = {}, months = {} }) =>
    t(key, {
      ...values,
      ...Object.fromEntries(Object.entries(dates).map(([name, day]) => [name, date(day)])),
      ...Object.fromEntries(Object.entries(months).map(([name, month]) => [name, monthName(Number(month.slice(0, 4)), Number(month.slice(5, 7)), language)])),
    });
}

/** The title of the agreement an EXPIRY alert is about (one request per agreement, shared by every row about it). */
function useAgreementTitle(alert: Pick<Alert, 'kind' | 'subject'>): string | undefined {
  const id = alert.subject;
  const agreement = useQuery({
    queryKey: ['agreements', 'title', id],
    queryFn: () => unwrap(api().GET('/agreements/{id}', { params: { path: { id } } })),
    enabled: alert.kind === 'EXPIRY',
    retry: false,
    staleTime: 300_000,
  });
  return agreement.data?.title;
}

/** What an alert is about, in words: "Kerja sama: <title>", "Kerja sama tanpa kegiatan di <unit>", … */
export function AlertAbout({ alert }: { alert: Pick<Alert, 'kind' | 'subject'> }) {
  const say = useSay();
  const title = useAgreementTitle(alert);
  return (
    <>
      {say(aboutOf(alert))}
      {title && `: ${title}`}
    </>
  );
}
