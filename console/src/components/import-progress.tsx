import { Alert, Button, Card, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { getImport, rejectedCsv, type RosterImport } from '../api/imports.ts';
import { saveBlob } from '../api/export.ts';
import { readRejectedCsv } from '../domain/roster-check.ts';
import { useI18n } from '../i18n/language.tsx';
import { importStatusWord, WordBadge } from './program-bits.tsx';
import { SectionTitle } from './states.tsx';

const running = (status?: RosterImport['status']) => status === 'QUEUED' || status === 'RUNNING';
/** How often a running import is asked for its counts: the worker checkpoints every 250 rows. */
const POLL_MS = 1_000;

/** One background import: its progress (rows done of total) while it runs, then its counts and each rejected row with the reason. */
export function ImportProgress({ importId }: { importId: string }) {
  const { t, number, timestamp } = useI18n();
  const current = useQuery({
    queryKey: ['imports', importId],
    queryFn: () => getImport(importId),
    refetchInterval: (query) => (running(query.state.data?.status) ? POLL_MS : false),
  });
  const item = current.data;
  const queryClient = useQueryClient();
  const settledStatus = running(item?.status) ? undefined : item?.status;
  useEffect(() => {
    // The recent list shows the finished counts too.
    if (settledStatus) void queryClient.invalidateQueries({ queryKey: ['imports', 'recent'] });
  }, [settledStatus, queryClient]);
  const rejected = useQuery({
    queryKey: ['imports', importId, 'rejected'],
    queryFn: () => rejectedCsv(importId),
    enabled: item?.status === 'DONE' && item.rows.rejected > 0,
  });
  if (current.error) return <Alert color="red" role="alert">{current.error.message}</Alert>;
  if (!item) return null;
  const { rows } = item;
  const fraction = rows.total ? rows.processed / rows.total : 0;
  const rejectedRows = rejected.data ? readRejectedCsv(rejected.data) : [];

  return (
    <Card withBorder component="section" aria-labelledby="section-import" data-testid="import-progress" data-import={item.id} data-status={item.status}>
      <Stack>
        <Group justify="space-between">
          <SectionTitle id="section-import">{t('importProgressTitle', { name: item.filename ?? item.id })}</SectionTitle>
          <WordBadge color={item.status === 'FAILED' ? 'red' : item.status === 'DONE' ? 'green' : 'blue'}>{t(importStatusWord[item.status])}</WordBadge>
        </Group>
        <Text size="sm" c="dark.6">
          {t('importStarted', { at: timestamp(item.createdAt) })}
          {item.finishedAt ? ` · ${t('importFinished', { at: timestamp(item.finishedAt) })}` : ''}
        </Text>
        <Progress value={item.status === 'DONE' ? 100 : fraction * 100} aria-label={t('importRowsProgress')} animated={running(item.status)} size="lg" />
        <Text aria-live="polite" data-testid="import-counts">
          {t('importRowsDone', { processed: rows.processed, total: rows.total })} · {t('importCounts', { imported: rows.imported, duplicates: rows.duplicates, rejected: rows.rejected })}
        </Text>
        {item.status === 'FAILED' && item.error && (
          <Alert color="red" role="alert">
            {item.error}
          </Alert>
        )}
        {item.status === 'DONE' && rows.duplicates > 0 && <Text size="sm">{t('importDuplicatesNote', { duplicates: rows.duplicates })}</Text>}
        {rejectedRows.length > 0 && (
          <>
            <Group justify="space-between">
              <Text fw={600}>{t('importRejectedTitle', { count: number(rows.rejected) })}</Text>
              <Button variant="outline" size="xs" onClick={() => saveBlob(new Blob([rejected.data!], { type: 'text/csv' }), `${(item.filename ?? item.id).replace(/\.csv$/i, '')}-ditolak.csv`)}>
                {t('importDownloadRejected')}
              </Button>
            </Group>
            <BadRowTable rows={rejectedRows} testId="import-rejected" />
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Rows and their reasons (the browser's check before sending, the import's after). */
export function BadRowTable({ rows, testId }: { rows: { line: number; nip: string; errors: string[] }[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('importLine')}</Table.Th>
            <Table.Th>NIP</Table.Th>
            <Table.Th>{t('importReason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.line} data-line={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{row.nip}</Table.Td>
              <Table.Td>{row.errors.join('; ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
