import { Alert, Button, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { documentDownloadUrl, listDocuments, type AgreementDocument } from '../api/documents.ts';
import { documentStatusKey } from '../domain/changes.ts';
import { fileSize, pollWhilePending } from '../domain/document-upload.ts';
import { useI18n } from '../i18n/language.tsx';
import { DocumentUpload } from './document-upload.tsx';
import { LoadError, Loading } from './states.tsx';

/** Follows a short-lived link as a download: an anchor click, which no popup blocker stops after the await. */
function follow(url: string) {
  const anchor = Object.assign(document.createElement('a'), { href: url, rel: 'noopener' });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

/** Documents of an agreement: list (polled while a scan is pending), download, and (for writers) upload with progress. */
export function Documents({ agreementId, canUpload }: { agreementId: string; canUpload: boolean }) {
  const { t, label, number, timestamp } = useI18n();
  const queryClient = useQueryClient();
  const queryKey = ['agreements', agreementId, 'documents'];
  const documents = useQuery({ queryKey, queryFn: () => listDocuments(agreementId), refetchInterval: (query) => pollWhilePending(query.state.data) });
  const [downloadFailure, setDownloadFailure] = useState<string>();

  async function download(item: AgreementDocument) {
    setDownloadFailure(undefined);
    const url = await documentDownloadUrl(agreementId, item.id).catch(() => undefined);
    if (url) follow(url);
    else setDownloadFailure(t('documentDownloadFailed', { name: item.filename }));
  }

  return (
    <Stack>
      {documents.error ? (
        <LoadError error={documents.error} retry={() => void documents.refetch()} />
      ) : !documents.data ? (
        <Loading />
      ) : documents.data.length === 0 ? (
        <Text c="gray.7">{t('documentsNone')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table aria-label={t('documentsTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('documentFile')}</Table.Th>
                <Table.Th scope="col">{t('uploadKind')}</Table.Th>
                <Table.Th scope="col">{t('documentStatus')}</Table.Th>
                <Table.Th scope="col">{t('documentActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.data.map((item) => (
                <Table.Tr key={item.id} data-status={item.status}>
                  <Table.Td>
                    {item.filename}
                    <Text size="xs" c="gray.7">
                      {fileSize(item.size, number)} · {t('documentUploaded')} {timestamp(item.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{label(item.kind)}</Table.Td>
                  <Table.Td>
                    {label(documentStatusKey(item.status))}
                    {item.reason && (
                      <Text size="xs" c="red.9">
                        {item.reason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {item.status === 'AVAILABLE' && (
                      <Button size="xs" variant="outline" aria-label={t('documentDownload', { name: item.filename })} onClick={() => void download(item)}>
                        {t('download')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {documents.data?.some((item) => item.status === 'PENDING') && (
        <Text size="sm" c="gray.7">
          {t('documentChecking')}
        </Text>
      )}
      {downloadFailure && (
        <Alert color="red" role="alert">
          {downloadFailure}
        </Alert>
      )}
      {/* The whole agreement: its history and version gain the upload too. */}
      {canUpload && <DocumentUpload agreementId={agreementId} onUploaded={() => queryClient.invalidateQueries({ queryKey: ['agreements', agreementId] })} />}
    </Stack>
  );
}
