import { Alert, Anchor, Button, Card, FileInput, Group, List, NativeSelect, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { rosterColumns, rosterKinds, type RosterKind } from '../../../shared/training/imports/roster.ts';
import { UPLOAD_MAX_BYTES } from '../../../shared/training/imports/schemas.ts';
import { recentImports, startImport } from '../api/imports.ts';
import { BadRowTable, ImportProgress } from '../components/import-progress.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { importStatusWord } from '../components/program-bits.tsx';
import { LoadError, Loading, SectionTitle } from '../components/states.tsx';
import { previewRoster, type RosterPreview } from '../domain/roster-check.ts';
import { useI18n } from '../i18n/language.tsx';

/** Bad rows shown at first; the rest one click away (a year's roster may hold thousands). */
const SHOWN_BAD_ROWS = 200;

/**
 * `/impor-roster?impor=<id>`: a roster (trainings or employees) picked as CSV, checked in the
 * browser with the API's own parser before anything is sent, then imported in the background:
 * the file is PUT to the upload target the API gives, and the import's counts are followed until
 * it is done, with each rejected row and its reason. Recent imports below.
 */
export default function RosterImport() {
  const { t, number, timestamp, language } = useI18n();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const importId = params.get('impor') ?? undefined;
  const [kind, setKind] = useState<RosterKind | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<RosterPreview>();
  const [shown, setShown] = useState(SHOWN_BAD_ROWS);
  const [upload, setUpload] = useState<number>();
  const [failure, setFailure] = useState<string>();
  const recent = useQuery({ queryKey: ['imports', 'recent'], queryFn: recentImports });

  async function check(picked: File | null, as: RosterKind | '' = kind) {
    setFile(picked);
    setPreview(undefined);
    setFailure(undefined);
    setShown(SHOWN_BAD_ROWS);
    if (!picked) return;
    if (picked.size > UPLOAD_MAX_BYTES) return setFailure(t('importTooLarge'));
    if (!/\.csv$/i.test(picked.name) && picked.type !== 'text/csv') return setFailure(t('importCsvOnly'));
    setPreview(previewRoster(await picked.text(), language, as || undefined));
  }

  async function send() {
    if (!file || !preview?.ok) return;
    setFailure(undefined);
    setUpload(0);
    try {
      const created = await startImport(file, preview.header.kind, setUpload);
      setParams({ impor: created.id });
      setFile(null);
      setPreview(undefined);
      await queryClient.invalidateQueries({ queryKey: ['imports', 'recent'] });
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setUpload(undefined);
    }
  }

  return (
    <Stack data-page="roster-import" maw={1100}>
      <PageTitle>{t('navRosterImport')}</PageTitle>
      <Alert color="blue" title={t('importHowTitle')} role="note">
        <List size="sm" spacing={4}>
          <List.Item>{t('importHowCheck')}</List.Item>
          <List.Item>{t('importHowBackground')}</List.Item>
          <List.Item>{t('importHowHarmless')}</List.Item>
          <List.Item>{t('importHowXlsx')}</List.Item>
        </List>
      </Alert>
      <Card withBorder component="section" aria-labelledby="section-pick">
        <Stack>
          <SectionTitle id="section-pick">{t('importPickTitle')}</SectionTitle>
          <Group align="flex-end">
            <NativeSelect
              label={t('importKind')}
              value={kind}
              onChange={(event) => {
                const next = event.currentTarget.value as RosterKind | '';
                setKind(next);
                void check(file, next);
              }}
              data={[{ value: '', label: t('importKindAuto') }, ...rosterKinds.map((value) => ({ value, label: t(value === 'trainings' ? 'importKindTrainings' : 'importKindEmployees') }))]}
            />
            <FileInput label={t('importFile')} accept=".csv,text/csv" value={file} onChange={(picked) => void check(picked)} clearable w={320} data-testid="import-file" />
          </Group>
          <Text size="sm" c="dark.6">
            {t('importColumnsTrainings', { columns: rosterColumns('trainings').join(', ') })}
            <br />
            {t('importColumnsEmployees', { columns: rosterColumns('employees').join(', ') })}
          </Text>
          {preview && !preview.ok && (
            <Alert color="red" role="alert" title={t('importHeaderInvalid')}>
              {preview.headerError}
            </Alert>
          )}
          {preview?.ok && (
            <Stack data-testid="import-preview">
              <Text role="status" fw={600}>
                {t('importPreviewLine', { total: preview.total, good: preview.total - preview.bad.length, bad: preview.bad.length, kind: t(preview.header.kind === 'trainings' ? 'importKindTrainings' : 'importKindEmployees') })}
              </Text>
              {preview.bad.length > 0 && (
                <>
                  <Text size="sm">{t('importPreviewBadNote')}</Text>
                  <BadRowTable rows={preview.bad.slice(0, shown)} testId="import-preview-bad" />
                  {preview.bad.length > shown && (
                    <Button variant="subtle" w="fit-content" onClick={() => setShown(preview.bad.length)}>
                      {t('importShowAll', { count: number(preview.bad.length) })}
                    </Button>
                  )}
                </>
              )}
              <Group>
                <Button onClick={() => void send()} disabled={preview.total === 0 || upload !== undefined} loading={upload !== undefined}>
                  {t('importSend', { count: preview.total })}
                </Button>
              </Group>
            </Stack>
          )}
          {upload !== undefined && <Progress value={upload * 100} aria-label={t('importUploading')} />}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
        </Stack>
      </Card>
      {importId && <ImportProgress key={importId} importId={importId} />}
      <Card withBorder component="section" aria-labelledby="section-recent">
        <SectionTitle id="section-recent">{t('importRecentTitle')}</SectionTitle>
        {recent.error ? (
          <LoadError error={recent.error} retry={() => void recent.refetch()} />
        ) : !recent.data ? (
          <Loading />
        ) : recent.data.length === 0 ? (
          <Text c="gray.7" mt="xs">
            {t('importNoneYet')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={800} mt="xs">
            <Table striped data-testid="import-recent">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('importFile')}</Table.Th>
                  <Table.Th>{t('importKind')}</Table.Th>
                  <Table.Th>{t('colStatus')}</Table.Th>
                  <Table.Th>{t('importRows')}</Table.Th>
                  <Table.Th>{t('importCreated')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {recent.data.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Anchor component="button" type="button" onClick={() => setParams({ impor: item.id })} style={{ textDecoration: 'underline' }}>
                        {item.filename ?? item.id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{item.kind ? t(item.kind === 'trainings' ? 'importKindTrainings' : 'importKindEmployees') : '—'}</Table.Td>
                    <Table.Td>{t(importStatusWord[item.status])}</Table.Td>
                    <Table.Td>{t('importCounts', { imported: item.rows.imported, duplicates: item.rows.duplicates, rejected: item.rows.rejected })}</Table.Td>
                    <Table.Td>{timestamp(item.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
