import { Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { removeParticipant, type Participant } from '../api/programs.ts';
import { useI18n } from '../i18n/language.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';

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
    <ConfirmDialog
      opened={!!participant}
      title={t('programRemoveTitle')}
      confirmLabel={t('programRemove')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => participant && remove.mutate(participant.nip)}
      onClose={onClose}
    >
      {participant && <Text>{t('programRemoveBody', { name: participant.name, nip: participant.nip })}</Text>}
      {participant?.kind === 'INTERNAL' && <Text size="sm">{t('programRemoveInternal')}</Text>}
    </ConfirmDialog>
  );
}
