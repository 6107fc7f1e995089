import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { render, type Language } from '../../../shared/i18n/messages.ts';
import { trainingMethods } from '../../../shared/training/schemas.ts';
import { programBody, type ProgramInput } from '../../../shared/training/programs/schemas.ts';
import { createProgram, getProgram, updateProgram, type Program } from '../api/programs.ts';
import { ApiError } from '../api/problem.ts';
import { emptyProgramDraft, programBodyOf, programDraftOf, type ProgramDraft } from '../forms/program-draft.ts';
import { withMyChanges } from '../forms/reapply.ts';
import { fieldIssues, idempotencyKey } from '../forms/validation.ts';
import { useI18n } from '../i18n/language.tsx';
import { Choice, methodWord } from './program-bits.tsx';
import type { FieldWords } from './change-line.tsx';
import { StaleNotice } from './stale-notice.tsx';

/** A 412 names the fields as this form labels them. */
const programFieldWords: FieldWords = { title: 'title', cohort: 'programCohort', provider: 'programProvider', method: 'programMethod', agreementId: 'programAgreementId', startsOn: 'programStartsOn', endsOn: 'programEndsOn', hours: 'programLengthHours', jp: 'programLengthJp', lengthUnit: 'programLengthUnit' };

/** The API's checks of the body; an empty length is "required" (the API's words for it name both units, and the form has one field). */
function liveIssues(draft: ProgramDraft, language: Language): Record<string, string> {
  const issues = fieldIssues(programBody, programBodyOf(draft), language);
  return draft.length.trim() === '' ? { ...issues, hours: render('FIELD_REQUIRED', {}, language) } : issues;
}

interface Base {
  program: Program;
  etag: string;
}

/**
 * A program's form, new (POST with Idempotency-Key) or edited (PUT with If-Match; a 412 shows
 * what changed meanwhile): checked live with the API's own schema, the server's field errors
 * next to their fields. The length is given in hours or in JP, as the API takes it.
 */
export function ProgramForm({ editing, onSaved, onCancel }: { editing?: Base; onSaved: (program: Program) => void; onCancel: () => void }) {
  const { t, language } = useI18n();
  const [base, setBase] = useState(editing);
  const [draft, setDraft] = useState<ProgramDraft>(() => (editing ? programDraftOf(editing.program) : emptyProgramDraft));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [stale, setStale] = useState<Base>();
  const [saving, setSaving] = useState(false);
  // One key for this form's create: a retry after a lost answer replays instead of creating twice.
  const [createKey] = useState(idempotencyKey);

  const live = liveIssues(draft, language);
  /** The length's errors come under `hours` or `jp`, whichever unit the body carried. */
  const pathsOf = (name: string) => (name === 'length' ? ['hours', 'jp'] : [name]);
  const errorOf = (name: string) => {
    const paths = pathsOf(name);
    const server = paths.map((path) => serverErrors[path]).find(Boolean);
    return server ?? (submitted || touched.has(name) ? paths.map((path) => live[path]).find(Boolean) : undefined);
  };
  const set = <K extends keyof ProgramDraft>(key: K, value: ProgramDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setServerErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !pathsOf(key).includes(path))));
  };
  const touch = (name: string) => setTouched((current) => new Set(current).add(name));

  async function save(event?: FormEvent, against: Base | undefined = base, values: ProgramDraft = draft) {
    event?.preventDefault();
    setSubmitted(true);
    setFailure(undefined);
    const body = programBodyOf(values);
    if (Object.keys(liveIssues(values, language)).length) {
      setFailure(t('formInvalid'));
      return;
    }
    setSaving(true);
    try {
      const saved = against ? await updateProgram(against.program.id, body as ProgramInput, against.etag) : await createProgram(body as ProgramInput, createKey);
      onSaved(saved.data);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412 && against) {
        const current = await getProgram(against.program.id);
        setStale({ program: current.data, etag: current.etag });
      } else if (error instanceof ApiError) {
        setServerErrors(error.fieldErrors());
        setFailure(error.message);
      } else setFailure(String(error));
    } finally {
      setSaving(false);
    }
  }

  const text = (name: keyof ProgramDraft, labelText: string, options: { type?: string; required?: boolean; description?: string; autoFocus?: boolean } = {}) => (
    <TextInput
      name={name}
      label={labelText}
      type={options.type}
      required={options.required}
      description={options.description}
      data-autofocus={options.autoFocus || undefined}
      value={draft[name]}
      onChange={(event) => set(name, event.currentTarget.value as never)}
      onBlur={() => touch(name)}
      error={errorOf(name)}
    />
  );

  return (
    <form onSubmit={(event) => void save(event)} noValidate data-testid="program-form">
      <Stack>
        {stale && base && (
          <StaleNotice
            title={t('programStaleTitle')}
            fields={programFieldWords}
            seen={base.program}
            current={stale.program}
            onReload={() => {
              setBase(stale);
              setDraft(programDraftOf(stale.program));
              setStale(undefined);
            }}
            onReapply={() => {
              // The person's own changes onto the version just read: what the other person changed stays.
              const next = stale;
              const merged = withMyChanges(programDraftOf(base.program), draft, programDraftOf(next.program));
              setBase(next);
              setDraft(merged);
              setStale(undefined);
              void save(undefined, next, merged);
            }}
          />
        )}
        {text('title', t('title'), { required: true, autoFocus: true })}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('cohort', t('programCohort'), { description: t('programCohortHint') })}
          {text('provider', t('programProvider'), { required: true })}
          <NativeSelect name="method" label={t('programMethod')} required value={draft.method} onChange={(event) => set('method', event.currentTarget.value as ProgramDraft['method'])} data={trainingMethods.map((method) => ({ value: method, label: t(methodWord[method]) }))} error={errorOf('method')} />
          {text('agreementId', t('programAgreementId'), { description: t('programAgreementIdHint') })}
          {text('startsOn', t('programStartsOn'), { type: 'date', required: true })}
          {text('endsOn', t('programEndsOn'), { type: 'date', required: true })}
        </SimpleGrid>
        <Group align="flex-start">
          <Choice
            legend={t('programLengthUnit')}
            value={draft.lengthUnit}
            onChange={(value) => set('lengthUnit', value)}
            options={[
              { value: 'JP', label: t('programJp') },
              { value: 'HOURS', label: t('programHours') },
            ]}
          />
          {text('length', draft.lengthUnit === 'JP' ? t('programLengthJp') : t('programLengthHours'), { required: true, description: t('programLengthHint') })}
        </Group>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saving}>
            {t('save')}
          </Button>
          <Button variant="outline" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
