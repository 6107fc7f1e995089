import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { removeParticipant, type Participant } from '../api/programs.ts';
import { useI18n } from '../i18n/language.tsx';

/** Removing a participant, confirmed: a DKI employee's training record and its hours go with it. */
export function RemoveParticipantDialog({ programId, participant, onClose, onRemoved }: { programId: string; participant?: Participant; onClose: () => void; onRemoved: () => void }) {
  const { t } = useI18n();
  const remove = useMutation({
    mutationFn: (nip: string) => removeParticipant(programId, nip),
    onSuccess: () => {
      onRemoved();
      onClose();
    },
  });
  return (
    <Modal opened={!!participant} onClose={onClose} title={t('programRemoveTitle')} closeButtonProps={{ 'aria-label': t('close') }}>
      {participant && (
        <Stack>
          <Text>{t('programRemoveBody', { name: participant.name, nip: participant.nip })}</Text>
          {participant.kind === 'INTERNAL' && <Text size="sm">{t('programRemoveInternal')}</Text>}
          {remove.error && (
            <Alert color="red" role="alert">
              {remove.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="outline" onClick={onClose} data-autofocus>
              {t('cancel')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(participant.nip)}>
              {t('programRemove')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
