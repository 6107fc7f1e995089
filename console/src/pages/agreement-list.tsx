import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { agreementKinds, agreementStatuses } from '../../../shared/agreements/schemas.ts';
import { agreementWriters } from '../access.ts';
import { api, unwrap } from '../api/client.ts';
import { downloadExport } from '../api/export.ts';
import { ApiError, isMissing } from '../api/problem.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { AgreementLink, DaysLeft, partnerNames, StatusBadge } from '../components/agreement-bits.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading } from '../components/states.tsx';
import { useI18n } from '../i18n/language.tsx';

/** The list's filters, as the URL carries them (a view can be shared by its address). */
const filterNames = ['status', 'kind', 'partner', 'field', 'ownerUnit', 'endsFrom', 'endsTo'] as const;

function queryOf(params: URLSearchParams) {
  const query: Record<string, string | number> = { limit: 25 };
  for (const name of [...filterNames, 'cursor'] as const) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  return query;
}

/** `/kerja-sama`: filters in the URL, cursor paging, export of the filtered list. */
export default function AgreementList() {
  const { t, label, date } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [exportState, setExportState] = useState<{ busy?: boolean; error?: string }>({});
  const query = queryOf(params);
  const list = useQuery({
    queryKey: ['agreements', 'list', query],
    // ownerUnit is being added to the API (issue 12 §6): sent as is until the contract has it.
    queryFn: () => unwrap(api().GET('/agreements', { params: { query: query as never } })),
    placeholderData: keepPreviousData,
  });

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of filterNames) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  }

  async function exportAs(format: 'xlsx' | 'csv') {
    setExportState({ busy: true });
    try {
      await downloadExport(format, params);
      setExportState({});
    } catch (error) {
      setExportState({ error: isMissing(error, { shadowed: true }) ? t('exportUnavailable') : error instanceof ApiError ? error.message : String(error) });
    }
  }

  const cursor = params.get('cursor');
  const options = (values: readonly string[]) => [{ value: '', label: t('any') }, ...values.map((value) => ({ value, label: label(value) }))];

  return (
    <Stack data-page="agreement-list" data-fresh={list.data && !list.isPlaceholderData ? "true" : "false"}>
      <Group justify="space-between">
        <PageTitle>{t('listTitle')}</PageTitle>
        {hasAnyGroup(session, agreementWriters) && (
          <Button component={Link} to="/kerja-sama/baru">
            {t('newAgreement')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="md" component="form" onSubmit={applyFilters} aria-label={t('filters')} key={params.toString()} className="no-print">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <NativeSelect name="status" label={t('filterStatus')} defaultValue={params.get('status') ?? ''} data={options(agreementStatuses)} />
          <NativeSelect name="kind" label={t('filterKind')} defaultValue={params.get('kind') ?? ''} data={options(agreementKinds)} />
          <TextInput name="partner" label={t('filterPartner')} defaultValue={params.get('partner') ?? ''} />
          <TextInput name="field" label={t('filterField')} defaultValue={params.get('field') ?? ''} />
          <TextInput name="ownerUnit" label={t('filterOwnerUnit')} defaultValue={params.get('ownerUnit') ?? ''} />
          <TextInput name="endsFrom" type="date" label={t('filterEndsFrom')} defaultValue={params.get('endsFrom') ?? ''} />
          <TextInput name="endsTo" type="date" label={t('filterEndsTo')} defaultValue={params.get('endsTo') ?? ''} />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit">{t('apply')}</Button>
          <Button variant="outline" onClick={() => setParams(new URLSearchParams())}>
            {t('reset')}
          </Button>
          <Button variant="outline" loading={exportState.busy} onClick={() => void exportAs('xlsx')}>
            {t('exportXlsx')}
          </Button>
          <Button variant="outline" loading={exportState.busy} onClick={() => void exportAs('csv')}>
            {t('exportCsv')}
          </Button>
        </Group>
        {exportState.error && (
          <Alert mt="sm" color="orange" role="status">
            {exportState.error}
          </Alert>
        )}
      </Paper>
      {list.error ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Text>{t('noResults')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-labelledby="page-title" data-testid="agreement-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('colTitle')}</Table.Th>
                <Table.Th scope="col">{t('colKind')}</Table.Th>
                <Table.Th scope="col">{t('colPartners')}</Table.Th>
                <Table.Th scope="col">{t('colEnds')}</Table.Th>
                <Table.Th scope="col">{t('colStatus')}</Table.Th>
                <Table.Th scope="col">{t('colDaysLeft')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((agreement) => (
                <Table.Tr key={agreement.id}>
                  <Table.Td>
                    <AgreementLink agreement={agreement} />
                  </Table.Td>
                  <Table.Td>{label(agreement.kind)}</Table.Td>
                  <Table.Td>{partnerNames(agreement)}</Table.Td>
                  <Table.Td>{date(agreement.endsOn)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={agreement.status} />
                  </Table.Td>
                  <Table.Td>
                    <DaysLeft agreement={agreement} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group className="no-print">
        {cursor && (
          <Button variant="outline" onClick={() => setParams((current) => (current.delete('cursor'), current))}>
            {t('firstPage')}
          </Button>
        )}
        {list.data?.nextCursor && (
          <Button variant="outline" onClick={() => setParams((current) => (current.set('cursor', list.data!.nextCursor!), current))}>
            {t('nextPage')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
