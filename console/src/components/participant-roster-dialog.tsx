import { Alert, Button, FileInput, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_ROSTER_PARTICIPANTS } from '../../../shared/training/programs/schemas.ts';
import { addParticipants } from '../api/programs.ts';
import { readParticipantRoster } from '../domain/roster-check.ts';
import { useI18n } from '../i18n/language.tsx';

/**
 * A cohort's roster at once (up to 100): pasted or picked as CSV, checked in the browser with the
 * API's roster schema before it is sent; the entries the API refuses are listed with its reason.
 */
export function ParticipantRosterDialog({ programId, opened, onClose, onAdded }: { programId: string; opened: boolean; onClose: () => void; onAdded: () => void }) {
  const { t, language } = useI18n();
  const [text, setText] = useState('');
  const roster = readParticipantRoster(text, language);
  const send = useMutation({ mutationFn: () => addParticipants(programId, roster.entries), onSuccess: onAdded });
  const close = () => {
    setText('');
    send.reset();
    onClose();
  };
  const problems = [...roster.problems].sort(([a], [b]) => a - b);

  return (
    <Modal opened={opened} onClose={close} title={t('programRosterTitle')} size="lg" closeButtonProps={{ 'aria-label': t('close') }}>
      <Stack>
        <Text size="sm">{t('programRosterHint', { max: MAX_ROSTER_PARTICIPANTS })}</Text>
        <FileInput label={t('programRosterFile')} accept=".csv,text/csv" clearable onChange={(file) => void file?.text().then(setText)} />
        <Textarea label={t('programRosterPaste')} data-autofocus value={text} onChange={(event) => { setText(event.currentTarget.value); send.reset(); }} autosize minRows={5} maxRows={14} styles={{ input: { fontFamily: 'monospace' } }} />
        {roster.entries.length > 0 && (
          <Text role="status" aria-live="polite">
            {problems.length ? t('programRosterProblems', { count: roster.entries.length, bad: problems.length }) : t('programRosterReady', { count: roster.entries.length })}
          </Text>
        )}
        {problems.length > 0 && (
          <List size="sm" data-testid="roster-problems">
            {problems.map(([index, messages]) => (
              <List.Item key={index}>
                {index < 0 ? t('programRosterWhole') : t('programRosterEntry', { entry: index + 1, nip: roster.entries[index]?.nip ?? '' })}: {messages.join('; ')}
              </List.Item>
            ))}
          </List>
        )}
        {send.data && (
          <Alert color={send.data.rejectedCount ? 'orange' : 'green'} role="status" data-testid="roster-result">
            <Text>{t('programRosterResult', { added: send.data.added, unchanged: send.data.unchanged, rejected: send.data.rejectedCount })}</Text>
            {send.data.rejected.length > 0 && (
              <List size="sm" mt="xs">
                {send.data.rejected.map((entry) => (
                  <List.Item key={entry.index}>
                    {t('programRosterEntry', { entry: entry.index + 1, nip: entry.nip })}: {entry.message}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {send.error && (
          <Alert color="red" role="alert">
            {send.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="outline" onClick={close}>
            {send.data ? t('close') : t('cancel')}
          </Button>
          <Button onClick={() => send.mutate()} loading={send.isPending} disabled={roster.entries.length === 0 || problems.length > 0 || !!send.data}>
            {t('programRosterSend', { count: roster.entries.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
