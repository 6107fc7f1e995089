import { Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { employeeKeys, setReminders, type Employee } from '../api/employees.ts';
import { useI18n } from '../i18n/language.tsx';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Switch.css';
import { Fact } from './fact.tsx';
import { LoadError } from './states.tsx';

/** The fragment of the reminder email's link (shared/alerts/templates.ts, REMINDER_SETTING_PATH). */
const REMINDER_ANCHOR = 'pengingat';

/**
 * The training-hour reminder emails, on or off: a switch for the employee on their own page (the
 * reminder's unsubscribe link leads to it, `#pengingat`) and for training-admin on the profile (an
 * unsubscribe request mailed to the unit); a fact for everyone else. What it did is announced.
 */
export function ReminderSwitch({ employee, canChange }: { employee: Employee; canChange: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [said, setSaid] = useState<string>();
  const save = useMutation({
    mutationFn: (remind: boolean) => setReminders(employee.nip, remind),
    onSuccess: (saved) => {
      queryClient.setQueryData(employeeKeys.one(employee.nip), saved);
      setSaid(t(saved.data.remindersOff ? 'remindersStopped' : 'remindersSaved'));
    },
  });
  const input = useRef<HTMLInputElement>(null);
  // Arriving from the email's link (…#pengingat), or following it on this page: the switch is drawn
  // after the profile loads, too late for the browser's own jump, so it takes the focus itself.
  useEffect(() => {
    const focusIfAsked = () => {
      if (location.hash === `#${REMINDER_ANCHOR}`) input.current?.focus();
    };
    focusIfAsked();
    window.addEventListener('hashchange', focusIfAsked);
    return () => window.removeEventListener('hashchange', focusIfAsked);
  }, []);
  const on = !employee.remindersOff;
  const state = t(on ? 'remindersOn' : 'remindersOff');
  if (!canChange) return <Fact term={t('remindersLabel')}>{state}</Fact>;
  return (
    <Stack gap={4} id={REMINDER_ANCHOR}>
      {/* Never disabled while saving: a disabled input drops the keyboard focus; a change meanwhile is ignored instead. */}
      <Switch ref={input} checked={on} aria-busy={save.isPending} onChange={(event) => !save.isPending && save.mutate(event.currentTarget.checked)} label={t('remindersLabel')} description={state} />
      <Text size="sm" role="status" aria-live="polite">
        {said}
      </Text>
      {save.error && <LoadError error={save.error} />}
    </Stack>
  );
}
