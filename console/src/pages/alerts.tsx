import { Anchor, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { alertStatuses } from '../../../shared/alerts/kinds.ts';
import type { Alert as AlertItem } from '../api/client.ts';
import { alertsInStatus } from '../api/queries.ts';
import { AlertAbout, useSay } from '../components/alert-text.tsx';
import { employeePath } from '../components/employee-address.ts';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading } from '../components/states.tsx';
import { fixOf, periodOf, reasonOf } from '../domain/alerts.ts';
import { useI18n } from '../i18n/language.tsx';

function AlertRow({ alert }: { alert: AlertItem }) {
  const { t, label, timestamp, number } = useI18n();
  const say = useSay();
  const fix = fixOf(alert, employeePath);
  return (
    <Table.Tr>
      <Table.Td>{label(alert.kind)}</Table.Td>
      <Table.Td>
        <Text size="sm">
          <AlertAbout alert={alert} />
        </Text>
      </Table.Td>
      <Table.Td>{say(periodOf(alert))}</Table.Td>
      <Table.Td>{number(alert.attempts)}</Table.Td>
      <Table.Td>{timestamp(alert.updatedAt)}</Table.Td>
      <Table.Td>
        {alert.status === 'FAILED' || alert.status === 'RETRY' ? (
          <>
            <Text size="sm">{t(reasonOf(alert.lastError))}</Text>
            {alert.lastError && (
              <Text size="xs" c="dark.5">
                {alert.lastError}
              </Text>
            )}
          </>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={fix.to}>
          {t(fix.text)}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}

/** `/notifikasi?status=FAILED`: alerts by status; each says what it is about, a failed one why, and links to the fix. */
export default function Alerts() {
  const { t, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = (alertStatuses as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as AlertItem['status']) : 'FAILED';
  const alerts = useQuery({ queryKey: ['alerts', status], queryFn: () => alertsInStatus(status) });

  return (
    <Stack data-page="alerts">
      <PageTitle>{t('alertsTitle')}</PageTitle>
      <NativeSelect
        label={t('alertStatus')}
        value={status}
        onChange={(event) => setParams({ status: event.currentTarget.value })}
        data={alertStatuses.map((value) => ({ value, label: label(value) }))}
        maw={280}
        className="no-print"
      />
      {alerts.error ? (
        <LoadError error={alerts.error} retry={() => void alerts.refetch()} />
      ) : !alerts.data ? (
        <Loading />
      ) : alerts.data.length === 0 ? (
        <Text>{t('noAlerts')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-labelledby="page-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('alertKind')}</Table.Th>
                <Table.Th scope="col">{t('alertSubject')}</Table.Th>
                <Table.Th scope="col">{t('alertPeriod')}</Table.Th>
                <Table.Th scope="col">{t('alertAttempts')}</Table.Th>
                <Table.Th scope="col">{t('alertUpdated')}</Table.Th>
                <Table.Th scope="col">{t('alertError')}</Table.Th>
                <Table.Th scope="col">{t('alertFix')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {alerts.data.map((alert) => (
                <AlertRow key={alert.id} alert={alert} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
