import { Alert, Button, Card, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { employeeBody } from '../../../shared/training/schemas.ts';
import { api, withEtag } from '../api/client.ts';
import { employeeKeys, getEmployee, type Employee } from '../api/employees.ts';
import { ApiError } from '../api/problem.ts';
import { withMyChanges } from '../forms/reapply.ts';
import { fieldIssues } from '../forms/validation.ts';
import { useI18n } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import type { FieldWords } from './change-line.tsx';
import { StaleNotice } from './stale-notice.tsx';
import { SectionTitle } from './states.tsx';

/** A 412 names the fields as this form labels them, and the reminder choice as its switch does. */
const employeeFieldWords: FieldWords = { name: 'employeeName', unit: 'employeeUnit', position: 'employeePosition', email: 'employeeEmail', supervisorEmail: 'employeeSupervisor', reminders: 'remindersLabel' };

type Draft = { name: string; email: string; unit: string; position: string; supervisorEmail: string };
interface Base {
  employee: Employee;
  etag: string;
}

/**
 * An employee as the 412 notice compares them: the stored `remindersOff` flag (absent when reminders are
 * on) becomes the switch's words, so the notice says "Email pengingat: Aktif → Dimatikan", not a raw flag.
 */
function asNoticed({ remindersOff, ...employee }: Employee, t: (key: MessageKey) => string): Record<string, unknown> {
  return { ...employee, reminders: t(remindersOff ? 'remindersShortOff' : 'remindersShortOn') };
}

const draftOf = (employee: Employee): Draft => ({ name: employee.name, email: employee.email, unit: employee.unit, position: employee.position ?? '', supervisorEmail: employee.supervisorEmail ?? '' });

/** The PUT body: the whole employee (PUT replaces), an emptied optional field left out, i.e. removed. */
function bodyOf(draft: Draft): Record<string, unknown> {
  return {
    name: draft.name,
    email: draft.email.trim(),
    unit: draft.unit,
    ...(draft.position.trim() ? { position: draft.position } : {}),
    ...(draft.supervisorEmail.trim() ? { supervisorEmail: draft.supervisorEmail.trim() } : {}),
  };
}

/**
 * Edits an employee (training-admin) against the version read: `If-Match` with its ETag. A 412
 * (someone saved meanwhile) shows what changed, then reloads theirs or saves mine over it.
 */
export function EmployeeEditForm({ employee, etag, onDone }: { employee: Employee; etag: string; onDone: (saved?: Employee) => void }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [base, setBase] = useState<Base>({ employee, etag });
  const [draft, setDraft] = useState<Draft>(() => draftOf(employee));
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [stale, setStale] = useState<Base>();
  const [saving, setSaving] = useState(false);
  const live = fieldIssues(employeeBody, bodyOf(draft), language);
  const errorOf = (field: keyof Draft) => serverErrors[field] ?? (submitted ? live[field] : undefined);

  async function save(event?: FormEvent, against: Base = base, values: Draft = draft) {
    event?.preventDefault();
    setSubmitted(true);
    setFailure(undefined);
    if (Object.keys(fieldIssues(employeeBody, bodyOf(values), language)).length) return;
    setSaving(true);
    try {
      const saved = await withEtag(api().PUT('/employees/{nip}', { params: { path: { nip: employee.nip }, header: { 'If-Match': against.etag } }, body: bodyOf(values) as never }));
      queryClient.setQueryData(employeeKeys.one(employee.nip), saved);
      await queryClient.invalidateQueries({ queryKey: employeeKeys.one(employee.nip) });
      onDone(saved.data);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        const current = await getEmployee(employee.nip);
        setStale({ employee: current.data, etag: current.etag });
      } else if (error instanceof ApiError) {
        setServerErrors(error.fieldErrors());
        setFailure(error.message);
      } else setFailure(String(error));
    } finally {
      setSaving(false);
    }
  }

  const field = (name: keyof Draft, label: string, options: { required?: boolean; type?: string } = {}) => (
    <TextInput
      name={name}
      label={label}
      required={options.required}
      type={options.type}
      value={draft[name]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setDraft((current) => ({ ...current, [name]: value }));
        setServerErrors(({ [name]: _, ...rest }) => rest);
      }}
      error={errorOf(name)}
    />
  );

  return (
    <Card withBorder component="section" aria-labelledby="section-edit">
      <SectionTitle id="section-edit">{t('employeeEditTitle')}</SectionTitle>
      <Stack mt="xs">
        {stale && (
          <StaleNotice
            seen={asNoticed(base.employee, t)}
            current={asNoticed(stale.employee, t)}
            title={t('employeeStaleTitle')}
            fields={employeeFieldWords}
            onReload={() => {
              setBase(stale);
              setDraft(draftOf(stale.employee));
              setStale(undefined);
            }}
            onReapply={() => {
              // Only the fields I changed go over theirs; what they changed and I did not stays theirs.
              const next = stale;
              const merged = withMyChanges(draftOf(base.employee), draft, draftOf(next.employee));
              setBase(next);
              setDraft(merged);
              setStale(undefined);
              void save(undefined, next, merged);
            }}
          />
        )}
        <form noValidate onSubmit={(event) => void save(event)}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {field('name', t('employeeName'), { required: true })}
              {field('unit', t('employeeUnit'), { required: true })}
              {field('position', t('employeePosition'))}
              {field('email', t('employeeEmail'), { required: true, type: 'email' })}
              {field('supervisorEmail', t('employeeSupervisor'), { type: 'email' })}
            </SimpleGrid>
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={saving}>
                {t('save')}
              </Button>
              <Button variant="outline" onClick={() => onDone()}>
                {t('cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
