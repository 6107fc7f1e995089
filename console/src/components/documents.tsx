import { Alert, Button, FileInput, Group, NativeSelect, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { documentDownloadUrl, documentKinds, listDocuments, uploadDocument } from '../api/documents.ts';
import { useI18n } from '../i18n/language.tsx';

/** Documents of an agreement: list, download, and (for writers) upload with progress. */
export function Documents({ agreementId, canUpload }: { agreementId: string; canUpload: boolean }) {
  const { t, number, timestamp } = useI18n();
  const queryClient = useQueryClient();
  const documents = useQuery({ queryKey: ['agreements', agreementId, 'documents'], queryFn: () => listDocuments(agreementId) });
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<string>(documentKinds[0]);
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<string>();

  if (documents.data === null) return <Text c="gray.7">{t('documentsUnavailable')}</Text>;
  async function upload() {
    if (!file) return;
    setError(undefined);
    try {
      await uploadDocument(agreementId, file, kind, setProgress);
      await queryClient.invalidateQueries({ queryKey: ['agreements', agreementId, 'documents'] });
      setFile(null);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setProgress(undefined);
    }
  }
  return (
    <Stack>
      {(documents.data ?? []).length > 0 && (
        <Table>
          <Table.Tbody>
            {(documents.data ?? []).map((document) => (
              <Table.Tr key={document.id}>
                <Table.Td>{document.filename}</Table.Td>
                <Table.Td>{document.kind}</Table.Td>
                <Table.Td>{number(Math.ceil(document.size / 1024))} KB</Table.Td>
                <Table.Td>{document.status === 'REJECTED' ? `${document.status}: ${document.reason ?? ''}` : document.status}</Table.Td>
                <Table.Td>{document.createdAt ? timestamp(document.createdAt) : ''}</Table.Td>
                <Table.Td>
                  {document.status === 'AVAILABLE' && (
                    <Button size="xs" variant="outline" onClick={() => void documentDownloadUrl(agreementId, document.id).then((url) => url && window.open(url, '_blank', 'noopener'))}>
                      {t('download')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canUpload && (
        <Group align="flex-end">
          <FileInput label={t('upload')} accept="application/pdf,image/jpeg,image/png" value={file} onChange={setFile} w={260} clearable />
          <NativeSelect label={t('uploadKind')} value={kind} onChange={(e) => setKind(e.currentTarget.value)} data={[...documentKinds]} />
          <Button onClick={() => void upload()} disabled={!file || progress !== undefined}>
            {t('upload')}
          </Button>
        </Group>
      )}
      {progress !== undefined && <Progress value={progress * 100} aria-label={t('upload')} />}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
