import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { getAgreement } from '../api/chain.ts';
import { api, withEtag, type Agreement } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import { terminationBody, terminationIssue } from '../forms/termination.ts';
import { useI18n } from '../i18n/language.tsx';
import { StaleNotice } from './stale-notice.tsx';

interface Version {
  agreement: Agreement;
  etag: string;
}

/**
 * Terminate: a reason, checked live with the API's schema, sent as a merge patch with If-Match
 * (the version the person saw). A 412 shows what someone else changed meanwhile; the person
 * reloads (and drops the termination) or terminates the version just read.
 */
export function TerminateDialog({ agreement, etag, opened, onClose }: { agreement: Agreement; etag: string; opened: boolean; onClose: () => void }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  // After a reapply: the version read on the 412, which the page's own copy catches up with later.
  const [reread, setReread] = useState<Version>();
  const [stale, setStale] = useState<Version>();
  const against = reread ?? { agreement, etag };
  const issue = terminationIssue(reason, language);

  const terminate = useMutation({
    mutationFn: async (version: Version) => {
      try {
        return await withEtag(
          api().PATCH('/agreements/{id}', {
            params: { path: { id: version.agreement.id }, header: { 'If-Match': version.etag } },
            body: terminationBody(reason),
            headers: { 'content-type': 'application/merge-patch+json' },
          }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) {
          const current = await getAgreement(version.agreement.id);
          setStale({ agreement: current.data, etag: current.etag });
          return undefined;
        }
        throw error;
      }
    },
    onSuccess: async (saved) => {
      if (!saved) return;
      await queryClient.invalidateQueries({ queryKey: ['agreements'] });
      close();
    },
  });

  function close() {
    setStale(undefined);
    setReread(undefined);
    setTouched(false);
    terminate.reset();
    onClose();
  }

  const serverError = terminate.error instanceof ApiError ? terminate.error.fieldErrors().terminationReason : undefined;
  const fieldError = (touched || reason !== '' ? issue : undefined) ?? serverError;
  return (
    <Modal opened={opened} onClose={close} title={t('terminateTitle')} closeButtonProps={{ 'aria-label': t('close') }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (!issue) terminate.mutate(against);
        }}
      >
        <Stack>
          <Text size="sm">{t('terminateBody')}</Text>
          {stale && (
            <StaleNotice
              title={t('terminateStaleTitle')}
              seen={against.agreement}
              current={stale.agreement}
              onReload={() => {
                void queryClient.invalidateQueries({ queryKey: ['agreements', agreement.id] });
                close();
              }}
              onReapply={() => {
                setReread(stale);
                setStale(undefined);
                terminate.mutate(stale);
              }}
            />
          )}
          <Textarea
            label={t('terminationReason')}
            required
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={fieldError}
            data-autofocus
            autosize
            minRows={3}
          />
          {terminate.error && !serverError && (
            <Alert color="red" role="alert">
              {terminate.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="outline" onClick={close}>
              {t('cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={terminate.isPending} disabled={!!stale}>
              {t('terminate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
