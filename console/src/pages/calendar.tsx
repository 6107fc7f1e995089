import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { todayInJakarta } from '../../../shared/time/calendar.ts';
import { allPages, api, unwrap } from '../api/client.ts';
import { agreementsInStatus } from '../api/queries.ts';
import { saveBlob } from '../api/export.ts';
import { partnerNames } from '../components/agreement-bits.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading } from '../components/states.tsx';
import { icsCalendar } from '../domain/ics.ts';
import { lastDayOf, monthGrid, shiftMonth } from '../domain/month.ts';
import { useI18n } from '../i18n/language.tsx';
import { monthName, weekdayNames } from '../i18n/format.ts';

/** `/kalender?bulan=YYYY-MM`: end dates in a month view, and an ICS file of every coming end date. */
export default function Calendar() {
  const { t, language, date, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const today = todayInJakarta();
  const month = /^\d{4}-\d{2}$/.test(params.get('bulan') ?? '') ? params.get('bulan')! : today.slice(0, 7);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const ending = useQuery({
    queryKey: ['agreements', 'ending-in', month],
    queryFn: () => allPages((cursor) => unwrap(api().GET('/agreements', { params: { query: { endsFrom: `${month}-01`, endsTo: lastDayOf(month), limit: 100, ...(cursor ? { cursor } : {}) } } }))),
  });

  async function downloadIcs() {
    const open = [...(await agreementsInStatus('ACTIVE')), ...(await agreementsInStatus('PENDING'))];
    const events = open.map((agreement) => ({
      uid: `${agreement.id}-end@jalin`,
      date: agreement.endsOn,
      summary: `${t('colEnds')}: ${agreement.title}`,
      description: `${label(agreement.kind)} · ${partnerNames(agreement)} · ${agreement.ownerUnit}`,
      url: `${location.origin}/kerja-sama/${agreement.id}`,
    }));
    saveBlob(new Blob([icsCalendar(events, new Date(), t('calendarTitle'))], { type: 'text/calendar;charset=utf-8' }), 'jalin-jatuh-tempo.ics');
  }

  const byDate = new Map<string, NonNullable<typeof ending.data>>();
  for (const agreement of ending.data ?? []) byDate.set(agreement.endsOn, [...(byDate.get(agreement.endsOn) ?? []), agreement]);

  return (
    <Stack data-page="calendar">
      <Group justify="space-between">
        <PageTitle>{t('calendarTitle')}</PageTitle>
        <Button variant="outline" onClick={() => void downloadIcs()} className="no-print">
          {t('downloadIcs')}
        </Button>
      </Group>
      <Group className="no-print">
        <Button variant="outline" onClick={() => setParams({ bulan: shiftMonth(month, -1) })}>
          ← {t('previousMonth')}
        </Button>
        <Text fw={700} size="lg" aria-live="polite" id="calendar-month">
          {monthName(year, monthNumber, language)}
        </Text>
        <Button variant="outline" onClick={() => setParams({ bulan: shiftMonth(month, 1) })}>
          {t('nextMonth')} →
        </Button>
      </Group>
      {ending.error ? (
        <LoadError error={ending.error} />
      ) : !ending.data ? (
        <Loading />
      ) : (
        <div className="calendar" role="grid" aria-labelledby="calendar-month">
          <div role="row" style={{ display: 'contents' }}>
            {weekdayNames(language).map((name) => (
              <Text key={name} role="columnheader" fw={700} size="sm" ta="center">
                {name}
              </Text>
            ))}
          </div>
          {Array.from({ length: monthGrid(month).length / 7 }, (_, week) => (
            <div role="row" key={week} style={{ display: 'contents' }}>
              {monthGrid(month)
                .slice(week * 7, week * 7 + 7)
                .map((cell) => {
                  const items = cell.inMonth ? byDate.get(cell.date) ?? [] : [];
                  return (
                    <div key={cell.date} role="gridcell" className="calendar-cell" data-outside={!cell.inMonth} data-today={cell.date === today} aria-label={`${date(cell.date)}${items.length ? `, ${t('endsCount', { count: items.length })}` : ''}`}>
                      <Text size="xs" fw={700} aria-hidden>
                        {Number(cell.date.slice(8))}
                      </Text>
                      {items.length > 0 && (
                        <ul>
                          {items.map((agreement) => (
                            <li key={agreement.id}>
                              <Anchor component={Link} to={`/kerja-sama/${agreement.id}`} size="xs">
                                {agreement.title}
                              </Anchor>
                            </li>
                          ))}
                        </ul>
                      )}
                    </div>
                  );
                })}
            </div>
          ))}
        </div>
      )}
    </Stack>
  );
}
