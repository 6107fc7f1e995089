import { Alert, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isMessageCode, render } from '../../../shared/i18n/messages.ts';
import { targetBody } from '../../../shared/training/schemas.ts';
import { currentYear } from '../../../shared/time/calendar.ts';
import { trainingWriters } from '../access.ts';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading, SectionTitle } from '../components/states.tsx';
import { yearsAround, type Target } from '../domain/compliance.ts';
import { fieldIssues } from '../forms/validation.ts';
import { useI18n } from '../i18n/language.tsx';

/** The national rule's yearly target, in JP. */
const NATIONAL_JP = 20;

const fetchTarget = (year: number) => unwrap(api().GET('/training-targets/{year}', { params: { path: { year } } }));

/** `/target-tahunan`: the target of the years around now, in hours and JP with what each means; training-admin sets one. */
export default function Targets() {
  const { t, number } = useI18n();
  const session = useSession();
  const years = yearsAround(currentYear()).sort((a, b) => a - b);
  const targets = useQuery({ queryKey: ['training-targets', 'years', years], queryFn: () => Promise.all(years.map(fetchTarget)) });
  // The JP length is the API's setting: read it off any target (hours × 60 ÷ JP).
  const sample = targets.data?.find((target) => target.jp > 0);
  const jpMinutes = sample ? Math.round((sample.hours * 60) / sample.jp) : 45;

  return (
    <Stack data-page="targets">
      <PageTitle>{t('navTargets')}</PageTitle>
      <Text>{t('targetIntro')}</Text>
      <Stack gap={4} component="ul" pl="md" m={0}>
        <Text component="li">{t('targetMeaningHours')}</Text>
        <Text component="li">{t('targetMeaningJp', { minutes: jpMinutes, nationalHours: (NATIONAL_JP * jpMinutes) / 60 })}</Text>
      </Stack>
      {targets.error ? (
        <LoadError error={targets.error} retry={() => void targets.refetch()} />
      ) : !targets.data ? (
        <Loading />
      ) : (
        <Table withTableBorder aria-labelledby="page-title" data-testid="targets-table" maw={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('targetColYear')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('targetColHours')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('targetColJp')}
              </Table.Th>
              <Table.Th scope="col">{t('targetColSetIn')}</Table.Th>
              <Table.Th scope="col">{t('targetColSource')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {targets.data.map((target) => (
              <Table.Tr key={target.year} data-year={target.year}>
                <Table.Th scope="row">{target.year}</Table.Th>
                <Table.Td ta="right">{number(target.hours)}</Table.Td>
                <Table.Td ta="right">{number(target.jp)}</Table.Td>
                <Table.Td>{t(target.unit === 'JP' ? 'targetUnitJp' : 'targetUnitHours')}</Table.Td>
                <Table.Td>{t(target.source === 'STORED' ? 'targetSourceStored' : 'targetSourceDefault')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {hasAnyGroup(session, trainingWriters) ? <TargetForm years={years} /> : <Text c="dimmed">{t('targetReadOnly')}</Text>}
    </Stack>
  );
}

/** PUT /training-targets/{year}: checked live with the API's own schema; the API's field errors land beside the field. */
function TargetForm({ years }: { years: number[] }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(currentYear());
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<'HOURS' | 'JP'>('HOURS');
  const [submitted, setSubmitted] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [saved, setSaved] = useState<Target>();
  const [saving, setSaving] = useState(false);
  const value = amount.trim() === '' ? undefined : Number(amount.replace(',', '.'));
  const body = unit === 'JP' ? { jp: value } : { hours: value };
  const issues = fieldIssues(targetBody, JSON.parse(JSON.stringify(body)) as unknown, language);
  const liveIssue = issues.hours ?? issues.jp ?? issues.body;
  const shown = serverError ?? (submitted ? liveIssue : undefined);
  const text = (message: string) => (isMessageCode(message) ? render(message, {}, language) : message);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setSaved(undefined);
    setFailure(undefined);
    if (liveIssue) return;
    setSaving(true);
    try {
      const stored = await unwrap(api().PUT('/training-targets/{year}', { params: { path: { year } }, body }));
      setSaved(stored);
      setSubmitted(false);
      // The table and the compliance pages refetch in the background; the form is free at once.
      void queryClient.invalidateQueries({ queryKey: ['training-targets'] });
      void queryClient.invalidateQueries({ queryKey: ['compliance'] });
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      const field = fields.hours ?? fields.jp ?? fields.body;
      if (field) setServerError(field);
      else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={(event) => void save(event)} aria-labelledby="target-form-title" maw={760} noValidate>
      <SectionTitle id="target-form-title">{t('targetFormTitle')}</SectionTitle>
      <Group align="start" mt="sm">
        <NativeSelect label={t('targetColYear')} value={String(year)} onChange={(event) => setYear(Number(event.currentTarget.value))} data={years.map(String)} />
        <TextInput
          label={t('targetFormAmount')}
          inputMode="decimal"
          value={amount}
          onChange={(event) => {
            setAmount(event.currentTarget.value);
            setServerError(undefined);
          }}
          error={shown && text(shown)}
          required
        />
        <NativeSelect
          label={t('targetFormUnit')}
          value={unit}
          onChange={(event) => {
            setUnit(event.currentTarget.value as 'HOURS' | 'JP');
            setServerError(undefined);
          }}
          data={[
            { value: 'HOURS', label: t('targetUnitHours') },
            { value: 'JP', label: t('targetUnitJp') },
          ]}
        />
      </Group>
      <Group mt="md">
        <Button type="submit" loading={saving}>
          {t('save')}
        </Button>
      </Group>
      {saved && (
        <Alert mt="sm" color="green" role="status">
          {t('targetSaved', { year: String(saved.year), hours: saved.hours, jp: saved.jp })}
        </Alert>
      )}
      {failure && (
        <Alert mt="sm" color="red" role="alert">
          {failure}
        </Alert>
      )}
    </Paper>
  );
}
