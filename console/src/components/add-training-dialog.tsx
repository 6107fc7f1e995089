import { Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { trainingBody } from '../../../shared/training/schemas.ts';
import { api, unwrap } from '../api/client.ts';
import { employeeKeys, type Training } from '../api/employees.ts';
import { ApiError } from '../api/problem.ts';
import { emptyTrainingDraft, trainingBodyOf, type TrainingDraft } from '../forms/training-draft.ts';
import { useDialogDraft } from '../forms/use-dialog-draft.ts';
import { fieldIssues } from '../forms/validation.ts';
import { useI18n } from '../i18n/language.tsx';
import { DialogFormFooter } from './dialog-form-footer.tsx';

/** A conflict the API names by code, shown next to the field it is about. */
const conflictFields: Record<string, keyof TrainingDraft> = { CERTIFICATE_DUPLICATE: 'certificateNumber' };

/**
 * Records a training of one employee (training-admin): checked live with the API's own schema
 * (`trainingBody`, its messages in the console's language), sent with an Idempotency-Key kept for
 * the whole opening (a double click or a retry after a lost answer records it once), the API's
 * problem+json field errors shown next to their fields.
 */
export function AddTrainingDialog({ nip, opened, onClose, onAdded }: { nip: string; opened: boolean; onClose: () => void; onAdded: (training: Training) => void }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const { draft, touched, submitted, markSubmitted, key, set, field } = useDialogDraft<TrainingDraft>({
    opened,
    empty: () => emptyTrainingDraft,
    onOpen: () => add.reset(),
    onEdit: () => {
      if (add.error) add.reset();
    },
  });
  const add = useMutation({
    mutationFn: (body: Record<string, unknown>) => unwrap(api().POST('/employees/{nip}/trainings', { params: { path: { nip }, header: { 'Idempotency-Key': key } }, body: body as never })),
    onSuccess: async (training) => {
      await queryClient.invalidateQueries({ queryKey: employeeKeys.one(nip) });
      onAdded(training);
      onClose();
    },
  });

  const body = trainingBodyOf(draft);
  const live = fieldIssues(trainingBody, body, language);
  const server = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  const conflictField = add.error instanceof ApiError ? conflictFields[add.error.problem.code ?? ''] : undefined;
  const errorOf = (name: keyof TrainingDraft) => (conflictField === name ? add.error!.message : undefined) ?? server[name] ?? (submitted || touched.has(name) ? live[name] : undefined);
  const input = (name: keyof TrainingDraft) => field(name, errorOf(name));
  const unplaced = add.error && !conflictField && Object.keys(server).length === 0;

  return (
    <Modal opened={opened} onClose={onClose} title={t('employeeAddTrainingTitle')} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          markSubmitted();
          if (Object.keys(live).length === 0) add.mutate(body);
        }}
      >
        <Stack>
          <TextInput label={t('employeeTrainingTitle')} required data-autofocus {...input('title')} />
          <TextInput label={t('employeeTrainingProvider')} required {...input('provider')} />
          <NativeSelect
            label={t('employeeTrainingMethod')}
            required
            name="method"
            value={draft.method}
            onChange={(event) => set('method', event.currentTarget.value)}
            data={[
              { value: 'CLASSICAL', label: t('employeeMethodClassical') },
              { value: 'NON_CLASSICAL', label: t('employeeMethodNonClassical') },
            ]}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('employeeTrainingStartsOn')} required {...input('startsOn')} />
            <TextInput type="date" label={t('employeeTrainingEndsOn')} required {...input('endsOn')} />
          </SimpleGrid>
          <TextInput label={t('employeeTrainingHours')} description={t('employeeTrainingHoursHint')} required inputMode="decimal" {...input('hours')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('employeeTrainingCertificate')} {...input('certificateNumber')} />
            <TextInput label={t('employeeTrainingAgreement')} {...input('agreementId')} />
          </SimpleGrid>
          <DialogFormFooter invalid={submitted && Object.keys(live).length > 0} error={unplaced ? add.error?.message : undefined} pending={add.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
