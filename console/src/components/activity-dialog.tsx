import { Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { activityKinds, evaluationDecisions, type ActivityKind } from '../../../shared/agreements/activities/schemas.ts';
import { todayInJakarta } from '../../../shared/time/calendar.ts';
import { recordActivity, type ActivityBody } from '../api/activities.ts';
import { ApiError } from '../api/problem.ts';
import { activityBodyOf, activityIssues, emptyActivityDraft, issueOf, type ActivityDraft } from '../forms/activity-draft.ts';
import { useDialogDraft } from '../forms/use-dialog-draft.ts';
import { useI18n } from '../i18n/language.tsx';
import { DialogFormFooter } from './dialog-form-footer.tsx';

/**
 * Records an activity or an evaluation (agreements-admin): checked live with the API's own schema
 * and record rules, sent with one Idempotency-Key per opening (a double click or a retry records
 * it once), the API's problem+json field errors shown next to their fields. `kind` is the kind it
 * opens with: the "evaluate" button opens it on EVALUATION.
 */
export function ActivityDialog({ agreementId, kind, opened, onClose }: { agreementId: string; kind: ActivityKind; opened: boolean; onClose: () => void }) {
  const { t, label, language } = useI18n();
  const queryClient = useQueryClient();
  const today = todayInJakarta();
  const { draft, touched, submitted, markSubmitted, key, field } = useDialogDraft<ActivityDraft>({
    opened,
    empty: () => emptyActivityDraft(kind, todayInJakarta()),
    onOpen: () => record.reset(),
    onEdit: () => {
      if (record.error) record.reset();
    },
    restartOn: [kind],
  });
  const record = useMutation({
    mutationFn: (body: Record<string, unknown>) => recordActivity(agreementId, body as ActivityBody, key),
    onSuccess: async () => {
      // The agreement (its evaluation), its history, this list and the inbox's dormant list.
      await queryClient.invalidateQueries({ queryKey: ['agreements'] });
      onClose();
    },
  });

  const body = activityBodyOf(draft);
  const live = activityIssues(body, today, language);
  const server = record.error instanceof ApiError ? record.error.fieldErrors() : {};
  const errorOf = (name: keyof ActivityDraft) => issueOf(server, name) ?? (submitted || touched.has(name) ? issueOf(live, name) : undefined);
  const input = (name: keyof ActivityDraft) => field(name, errorOf(name));
  const evaluation = draft.kind === 'EVALUATION';
  const unplaced = record.error && Object.keys(server).length === 0;

  return (
    <Modal opened={opened} onClose={onClose} title={t('activityDialogTitle')} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          markSubmitted();
          if (Object.keys(live).length === 0) record.mutate(body);
        }}
      >
        <Stack>
          <NativeSelect label={t('activityKind')} required data-autofocus data={activityKinds.map((value) => ({ value, label: label(value) }))} {...input('kind')} />
          <TextInput type="date" label={t('activityOn')} required max={today} {...input('on')} />
          <Textarea label={t('activityDescription')} required autosize minRows={2} {...input('description')} />
          <Textarea label={t('activityParticipants')} description={t('activityParticipantsHint')} autosize minRows={2} {...input('participants')} />
          {evaluation && (
            <>
              <NativeSelect
                label={t('activityDecision')}
                required
                data={[{ value: '', label: t('activityDecisionPick') }, ...evaluationDecisions.map((value) => ({ value, label: label(value) }))]}
                {...input('decision')}
              />
              <Textarea label={t('activityReason')} required autosize minRows={2} {...input('reason')} />
            </>
          )}
          <DialogFormFooter invalid={submitted && Object.keys(live).length > 0} error={unplaced ? record.error?.message : undefined} pending={record.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
