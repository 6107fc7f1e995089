import { Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { activityKinds, evaluationDecisions, type ActivityKind } from '../../../shared/agreements/activities/schemas.ts';
import { todayInJakarta } from '../../../shared/time/calendar.ts';
import { recordActivity, type ActivityBody } from '../api/activities.ts';
import { ApiError } from '../api/problem.ts';
import { activityBodyOf, activityIssues, emptyActivityDraft, issueOf, type ActivityDraft } from '../forms/activity-draft.ts';
import { idempotencyKey } from '../forms/validation.ts';
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
  const [draft, setDraft] = useState<ActivityDraft>(() => emptyActivityDraft(kind, today));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [key, setKey] = useState(idempotencyKey);
  const record = useMutation({
    mutationFn: (body: Record<string, unknown>) => recordActivity(agreementId, body as ActivityBody, key),
    onSuccess: async () => {
      // The agreement (its evaluation), its history, this list and the inbox's dormant list.
      await queryClient.invalidateQueries({ queryKey: ['agreements'] });
      onClose();
    },
  });
  const { reset } = record;
  useEffect(() => {
    if (!opened) return;
    setDraft(emptyActivityDraft(kind, todayInJakarta()));
    setTouched(new Set());
    setSubmitted(false);
    setKey(idempotencyKey());
    reset();
  }, [opened, kind, reset]);

  const body = activityBodyOf(draft);
  const live = activityIssues(body, today, language);
  const server = record.error instanceof ApiError ? record.error.fieldErrors() : {};
  const errorOf = (field: keyof ActivityDraft) => issueOf(server, field) ?? (submitted || touched.has(field) ? issueOf(live, field) : undefined);
  // Checked from a field's first change, as the other forms do (an error appearing on blur moves buttons under the pointer).
  const set = (field: keyof ActivityDraft, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setTouched((current) => new Set(current).add(field));
    if (record.error) record.reset();
  };
  const input = (field: keyof ActivityDraft) => ({
    name: field,
    value: draft[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => set(field, event.currentTarget.value),
    error: errorOf(field),
  });
  const evaluation = draft.kind === 'EVALUATION';
  const unplaced = record.error && Object.keys(server).length === 0;

  return (
    <Modal opened={opened} onClose={onClose} title={t('activityDialogTitle')} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(true);
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
