import { Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap } from '../api/client.ts';
import { employeeKeys, type Training } from '../api/employees.ts';
import { useI18n } from '../i18n/language.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';

/** Asks before deleting a record: its hours leave the year's total. */
export function DeleteTrainingDialog({ nip, training, opened, onClose, onDeleted }: { nip: string; training?: Training; opened: boolean; onClose: () => void; onDeleted: (training: Training) => void }) {
  const { t, number } = useI18n();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (record: Training) => unwrap(api().DELETE('/employees/{nip}/trainings/{trainingId}', { params: { path: { nip, trainingId: record.id } } })).then(() => record),
    onSuccess: async (record) => {
      await queryClient.invalidateQueries({ queryKey: employeeKeys.one(nip) });
      onDeleted(record);
      onClose();
    },
  });
  const { reset } = remove;
  useEffect(() => {
    if (opened) reset();
  }, [opened, reset]);

  return (
    <ConfirmDialog
      opened={opened}
      title={t('employeeDeleteTitle')}
      confirmLabel={t('employeeDeleteTraining')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() => training && remove.mutate(training)}
      onClose={onClose}
    >
      {training && <Text>{t('employeeDeleteBody', { title: training.title, hours: number(training.hours), year: String(training.year) })}</Text>}
    </ConfirmDialog>
  );
}
