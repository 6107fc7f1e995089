import { Alert, Button, FileInput, Group, NativeSelect, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { documentKinds, documentTypes, uploadDocument, type DocumentKind } from '../api/documents.ts';
import { ApiError } from '../api/problem.ts';
import { UploadError } from '../api/upload.ts';
import { documentBody, fileSize, MAX_DOCUMENT_BYTES, uploadProblem, type UploadProblem } from '../domain/document-upload.ts';
import { useI18n } from '../i18n/language.tsx';

const problemWords = { empty: 'uploadEmpty', tooLarge: 'uploadTooLarge', wrongType: 'uploadWrongType', badName: 'uploadBadName' } as const satisfies Record<UploadProblem, string>;

/** Choose a file and its kind, checked against the API's limits at once, then uploaded with progress. */
export function DocumentUpload({ agreementId, onUploaded }: { agreementId: string; onUploaded: () => Promise<unknown> }) {
  const { t, label, number } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<DocumentKind>(documentKinds[0]);
  const [progress, setProgress] = useState<number>();
  const [failure, setFailure] = useState<string>();
  const [done, setDone] = useState<string>();
  const max = fileSize(MAX_DOCUMENT_BYTES, number);
  const body = file ? documentBody(file, kind) : undefined;
  const problem = body && uploadProblem(body);
  const problemText = file && problem ? t(problemWords[problem], { name: file.name, size: fileSize(file.size, number), max }) : undefined;

  /** The failure in the person's words: the API's problem comes in their language already; the storage's PUT does not. */
  function wordsFor(error: unknown, name: string): string {
    if (error instanceof UploadError) return error.status ? t('uploadSendFailed', { name, status: String(error.status) }) : t('uploadNetworkFailed', { name });
    if (error instanceof ApiError) return error.message;
    return t('uploadNetworkFailed', { name });
  }

  async function upload() {
    if (!file || !body || problem) return;
    setFailure(undefined);
    setDone(undefined);
    setProgress(0);
    try {
      await uploadDocument(agreementId, body, file, setProgress);
      await onUploaded();
      setDone(t('uploadDone', { name: file.name }));
      setFile(null);
    } catch (error) {
      setFailure(wordsFor(error, file.name));
    } finally {
      setProgress(undefined);
    }
  }

  return (
    <Stack gap="xs">
      <Group align="flex-start">
        <FileInput
          label={t('uploadFile', { max })}
          accept={documentTypes.join(',')}
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setFailure(undefined);
            setDone(undefined);
          }}
          error={problemText}
          w={300}
          clearable
        />
        <NativeSelect label={t('uploadKind')} value={kind} onChange={(event) => setKind(event.currentTarget.value as DocumentKind)} data={documentKinds.map((value) => ({ value, label: label(value) }))} />
        <Button mt={25} onClick={() => void upload()} disabled={!file || !!problem} loading={progress !== undefined}>
          {t('uploadSubmit')}
        </Button>
      </Group>
      {progress !== undefined && file && (
        <Stack gap={4}>
          <Text size="sm" aria-hidden>
            {t('uploadProgress', { name: file.name })} · {number(Math.round(progress * 100))}%
          </Text>
          {/* The kit names its inner progressbar only through aria-label; the line above says the same for sighted people. */}
          <Progress value={progress * 100} aria-label={t('uploadProgress', { name: file.name })} />
        </Stack>
      )}
      <div role="status">{done && <Text size="sm">{done}</Text>}</div>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
