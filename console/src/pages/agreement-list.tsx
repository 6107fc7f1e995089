import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { agreementKinds, agreementStatuses } from '../../../shared/agreements/schemas.ts';
import { agreementWriters } from '../access.ts';
import { agreementListQuery, listFilterNames } from '../api/agreement-list-query.ts';
import type { Agreement } from '../api/client.ts';
import { downloadExport } from '../api/export.ts';
import { ApiError, isMissing } from '../api/problem.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { AgreementLink, DaysLeft, partnerNames, StatusBadge } from '../components/agreement-bits.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading } from '../components/states.tsx';
import { useI18n } from '../i18n/language.tsx';

/**
 * The rows of a page, rendered again only when the page's items change (memo): a new answer
 * re-renders the table, not the filters, which is most of the work on a slow CPU.
 */
const AgreementRows = memo(function AgreementRows({ items }: { items: Agreement[] }) {
  const { label, date } = useI18n();
  return items.map((agreement) => (
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
  ));
});

/** The filter inputs, uncontrolled, filled from the address; rendered again only when the address changes (memo). */
const FilterFields = memo(function FilterFields({ search }: { search: string }) {
  const { t, label } = useI18n();
  const params = new URLSearchParams(search);
  const options = (values: readonly string[]) => [{ value: '', label: t('any') }, ...values.map((value) => ({ value, label: label(value) }))];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
      <NativeSelect name="status" label={t('filterStatus')} defaultValue={params.get('status') ?? ''} data={options(agreementStatuses)} />
      <NativeSelect name="kind" label={t('filterKind')} defaultValue={params.get('kind') ?? ''} data={options(agreementKinds)} />
      <TextInput name="partner" label={t('filterPartner')} defaultValue={params.get('partner') ?? ''} />
      <TextInput name="field" label={t('filterField')} defaultValue={params.get('field') ?? ''} />
      <TextInput name="ownerUnit" label={t('filterOwnerUnit')} defaultValue={params.get('ownerUnit') ?? ''} />
      <TextInput name="endsFrom" type="date" label={t('filterEndsFrom')} defaultValue={params.get('endsFrom') ?? ''} />
      <TextInput name="endsTo" type="date" label={t('filterEndsTo')} defaultValue={params.get('endsTo') ?? ''} />
    </SimpleGrid>
  );
});

/** `/kerja-sama`: filters in the URL, cursor paging, export of the filtered list. */
export default function AgreementList() {
  const { t } = useI18n();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [exportState, setExportState] = useState<{ busy?: boolean; error?: string }>({});
  // Started by the route's loader already (api/agreement-list-query.ts): this picks up that request.
  const list = useQuery({ ...agreementListQuery(params), placeholderData: keepPreviousData });

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of listFilterNames) {
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
        <FilterFields search={params.toString()} />
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
              <AgreementRows items={list.data.items} />
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
