import { Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { nip as nipSchema } from '../../../shared/training/schemas.ts';
import { participantBody } from '../../../shared/training/programs/schemas.ts';
import * as z from 'zod/mini';
import { putParticipant, type RosterEntry } from '../api/programs.ts';
import { ApiError } from '../api/problem.ts';
import { fieldIssues } from '../forms/validation.ts';
import { useI18n } from '../i18n/language.tsx';
import { DialogFormFooter } from './dialog-form-footer.tsx';
import { Choice } from './program-bits.tsx';

/** The PUT's path and body as one object, so one schema check names every field. */
const entrySchema = z.object({ nip: nipSchema, body: participantBody });

/**
 * One participant: a DKI employee by NIP (their training record and hours come with it), or an
 * external one with name and agency; a change-project title for either. Checked live with the API's schemas.
 */
export function AddParticipantDialog({ programId, opened, onClose, onAdded }: { programId: string; opened: boolean; onClose: () => void; onAdded: () => void }) {
  const { t, language } = useI18n();
  const [kind, setKind] = useState<'INTERNAL' | 'EXTERNAL'>('INTERNAL');
  const [values, setValues] = useState({ nip: '', name: '', agency: '', changeProjectTitle: '' });
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);

  const entry: RosterEntry = {
    nip: values.nip.trim(),
    ...(kind === 'EXTERNAL' ? { name: values.name, agency: values.agency } : {}),
    ...(values.changeProjectTitle.trim() ? { changeProjectTitle: values.changeProjectTitle } : {}),
  };
  const { nip, ...body } = entry;
  const live = Object.fromEntries(Object.entries(fieldIssues(entrySchema, { nip, body }, language)).map(([path, message]) => [path.replace(/^body\./, ''), message]));
  const errorOf = (name: string) => serverErrors[name] ?? (submitted ? live[name] : undefined);
  const set = (name: keyof typeof values, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setServerErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => path !== name)));
  };
  const close = () => {
    setValues({ nip: '', name: '', agency: '', changeProjectTitle: '' });
    setSubmitted(false);
    setFailure(undefined);
    setServerErrors({});
    onClose();
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailure(undefined);
    if (Object.keys(live).length) return;
    setSaving(true);
    try {
      await putParticipant(programId, entry);
      onAdded();
      close();
    } catch (error) {
      if (error instanceof ApiError) {
        setServerErrors(error.fieldErrors());
        setFailure(error.message);
      } else setFailure(String(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={t('programAddParticipant')} closeButtonProps={{ 'aria-label': t('close') }}>
      <form onSubmit={(event) => void save(event)} noValidate>
        <Stack>
          <Choice
            legend={t('programParticipantKind')}
            value={kind}
            onChange={setKind}
            options={[
              { value: 'INTERNAL', label: t('programInternal') },
              { value: 'EXTERNAL', label: t('programExternal') },
            ]}
          />
          <TextInput label="NIP" required data-autofocus value={values.nip} onChange={(e) => set('nip', e.currentTarget.value)} error={errorOf('nip')} description={kind === 'INTERNAL' ? t('programInternalHint') : t('programExternalHint')} />
          {kind === 'EXTERNAL' && (
            <>
              <TextInput label={t('programName')} required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={errorOf('name')} />
              <TextInput label={t('programAgency')} required value={values.agency} onChange={(e) => set('agency', e.currentTarget.value)} error={errorOf('agency')} />
            </>
          )}
          <TextInput label={t('programChangeProject')} value={values.changeProjectTitle} onChange={(e) => set('changeProjectTitle', e.currentTarget.value)} error={errorOf('changeProjectTitle')} />
          <DialogFormFooter error={failure} pending={saving} onCancel={close} submitLabel={t('programAdd')} />
        </Stack>
      </form>
    </Modal>
  );
}
