import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, type Agreement } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import { useI18n } from '../i18n/language.tsx';

/** Terminate: a reason, sent as a merge patch with If-Match (the version the person saw). */
export function TerminateDialog({ agreement, etag, opened, onClose }: { agreement: Agreement; etag: string; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const terminate = useMutation({
    mutationFn: () =>
      unwrap(
        api().PATCH('/agreements/{id}', {
          params: { path: { id: agreement.id }, header: { 'If-Match': etag } },
          body: { status: 'TERMINATED', terminationReason: reason },
          headers: { 'content-type': 'application/merge-patch+json' },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['agreements'] });
      onClose();
    },
  });
  const fieldError = terminate.error instanceof ApiError ? terminate.error.fieldErrors().terminationReason : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title={t('terminateTitle')} closeButtonProps={{ 'aria-label': t('close') }}>
      <Stack
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          terminate.mutate();
        }}
      >
        <Text size="sm">{t('terminateBody')}</Text>
        <Textarea label={t('terminationReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError} data-autofocus autosize minRows={3} />
        {terminate.error && !fieldError && (
          <Alert color="red" role="alert">
            {terminate.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="outline" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={terminate.isPending} disabled={!reason.trim()}>
            {t('terminate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
