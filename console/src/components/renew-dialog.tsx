import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { renewAgreementSchema } from '../../../shared/agreements/schemas.ts';
import { api, unwrap, type Agreement } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import { fieldIssues, idempotencyKey } from '../forms/validation.ts';
import { useI18n } from '../i18n/language.tsx';

/** Renew: the successor's end date (and optional start and number), checked live with the API's schema. */
export function RenewDialog({ agreement, opened, onClose }: { agreement: Agreement; opened: boolean; onClose: () => void }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ endsOn: '', startsOn: '', number: '' });
  const [touched, setTouched] = useState(false);
  // One key per opening: a double click or a retry of the same renewal never creates two successors.
  const [key, setKey] = useState(idempotencyKey);
  useEffect(() => {
    if (opened) setKey(idempotencyKey());
  }, [opened]);
  const body = { endsOn: draft.endsOn, ...(draft.startsOn ? { startsOn: draft.startsOn } : {}), ...(draft.number ? { number: draft.number } : {}) };
  const live = touched ? fieldIssues(renewAgreementSchema, body, language) : {};
  const renew = useMutation({
    mutationFn: () => unwrap(api().POST('/agreements/{id}/renewals', { params: { path: { id: agreement.id }, header: { 'Idempotency-Key': key } }, body })),
    onSuccess: async (successor) => {
      await queryClient.invalidateQueries({ queryKey: ['agreements'] });
      onClose();
      navigate(`/kerja-sama/${successor.id}`);
    },
  });
  const server = renew.error instanceof ApiError ? renew.error.fieldErrors() : {};
  const errorOf = (path: string) => live[path] ?? server[path];

  return (
    <Modal opened={opened} onClose={onClose} title={t('renewTitle')} closeButtonProps={{ 'aria-label': t('close') }}>
      <Stack
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (Object.keys(fieldIssues(renewAgreementSchema, body, language)).length === 0) renew.mutate();
        }}
      >
        <Text size="sm">{t('renewBody')}</Text>
        <TextInput type="date" label={t('startsOn')} value={draft.startsOn} onChange={(e) => setDraft({ ...draft, startsOn: e.currentTarget.value })} error={errorOf('startsOn')} />
        <TextInput type="date" label={t('endsOn')} required value={draft.endsOn} onChange={(e) => setDraft({ ...draft, endsOn: e.currentTarget.value })} error={errorOf('endsOn')} data-autofocus />
        <TextInput label={t('newNumber')} value={draft.number} onChange={(e) => setDraft({ ...draft, number: e.currentTarget.value })} error={errorOf('number')} />
        {renew.error && (
          <Alert color="red" role="alert">
            {renew.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="outline" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={renew.isPending}>
            {t('confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
