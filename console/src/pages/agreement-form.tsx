import { Alert, Button, Card, CloseButton, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { parentKindAllowed } from '../../../shared/agreements/rules.ts';
import { agreementKinds, createAgreementSchema, partnerCategories, patchAgreementSchema } from '../../../shared/agreements/schemas.ts';
import { api, withEtag, type Agreement } from '../api/client.ts';
import { getAgreement } from '../api/chain.ts';
import { ApiError } from '../api/problem.ts';
import { AgreementPicker } from '../components/agreement-picker.tsx';
import { PageTitle } from '../components/page-title.tsx';
import { StaleNotice } from '../components/stale-notice.tsx';
import { LoadError, Loading } from '../components/states.tsx';
import { createBody, draftOf, emptyDraft, mergePatch, type AgreementDraft } from '../forms/agreement-draft.ts';
import { fieldIssues, idempotencyKey } from '../forms/validation.ts';
import { useI18n } from '../i18n/language.tsx';

/** What the API would take as the parent of a `kind` agreement: of a kind it implements, and not closed. */
const canBeParent = (kind: AgreementDraft['kind'], parent: Agreement) => parentKindAllowed(kind, parent.kind) && parent.status !== 'TERMINATED' && parent.status !== 'RENEWED';

interface Base {
  agreement: Agreement;
  etag: string;
}

/** `/kerja-sama/baru` and `/kerja-sama/{id}/ubah`: live validation with the API's schemas, Idempotency-Key, If-Match, 412. */
export default function AgreementForm() {
  const { id } = useParams();
  const editing = !!id;
  const { t, label, language } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const loaded = useQuery({ queryKey: ['agreements', id], queryFn: () => getAgreement(id!), enabled: editing });
  const [base, setBase] = useState<Base>();
  const [draft, setDraft] = useState<AgreementDraft>(emptyDraft);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [stale, setStale] = useState<Base>();
  const [saving, setSaving] = useState(false);
  // One key for this form's create: a retry after a lost answer replays instead of registering twice.
  const [createKey] = useState(idempotencyKey);

  useEffect(() => {
    if (loaded.data && !base) {
      setBase({ agreement: loaded.data.data, etag: loaded.data.etag });
      setDraft(draftOf(loaded.data.data));
    }
  }, [loaded.data, base]);

  if (editing && loaded.error) return <LoadError error={loaded.error} />;
  if (editing && !base) return <Loading />;

  const body = editing ? mergePatch(draftOf(base!.agreement), draft) : createBody(draft);
  const live = fieldIssues(editing ? patchAgreementSchema : createAgreementSchema, body, language);
  /** A field's error, its own or its items' (`contactEmails.1`), the server's first. */
  const firstIssue = (issues: Record<string, string>, path: string) => issues[path] ?? Object.entries(issues).find(([key]) => key.startsWith(`${path}.`) && !path.includes('.') && key.split('.').length === 2)?.[1];
  const errorOf = (path: string) => firstIssue(serverErrors, path) ?? (submitted || touched.has(path.split('.')[0]!) ? firstIssue(live, path) : undefined);
  const touch = (name: string) => setTouched((current) => new Set(current).add(name));
  const set = <K extends keyof AgreementDraft>(key: K, value: AgreementDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setServerErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => path.split('.')[0] !== key)));
  };

  async function save(event?: FormEvent, against: Base | undefined = base, values: AgreementDraft = draft) {
    event?.preventDefault();
    setSubmitted(true);
    setFailure(undefined);
    const payload = editing ? mergePatch(draftOf(against!.agreement), values) : createBody(values);
    if (Object.keys(fieldIssues(editing ? patchAgreementSchema : createAgreementSchema, payload, language)).length) {
      setFailure(t('formInvalid'));
      return;
    }
    setSaving(true);
    try {
      const saved = editing
        ? await withEtag(
            api().PATCH('/agreements/{id}', {
              params: { path: { id: id! }, header: { 'If-Match': against!.etag } },
              body: payload as never,
              headers: { 'content-type': 'application/merge-patch+json' },
            }),
          )
        : await withEtag(api().POST('/agreements', { params: { header: { 'Idempotency-Key': createKey } }, body: payload as never }));
      await queryClient.invalidateQueries({ queryKey: ['agreements'] });
      navigate(`/kerja-sama/${saved.data.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412 && editing) {
        const current = await getAgreement(id!);
        setStale({ agreement: current.data, etag: current.etag });
      } else if (error instanceof ApiError) {
        setServerErrors(error.fieldErrors());
        setFailure(error.message);
      } else setFailure(String(error));
    } finally {
      setSaving(false);
    }
  }

  const text = (name: keyof AgreementDraft, labelText: string, options: { type?: string; required?: boolean; description?: string } = {}) => (
    <TextInput
      name={name}
      label={labelText}
      type={options.type}
      required={options.required}
      description={options.description}
      value={draft[name] as string}
      onChange={(event) => set(name, event.currentTarget.value as never)}
      onBlur={() => touch(name)}
      error={errorOf(name)}
    />
  );

  return (
    <Stack data-page="agreement-form" maw={960}>
      <PageTitle>{editing ? t('formEditTitle') : t('formCreateTitle')}</PageTitle>
      {stale && (
        <StaleNotice
          seen={base!.agreement}
          current={stale.agreement}
          onReload={() => {
            setBase(stale);
            setDraft(draftOf(stale.agreement));
            setStale(undefined);
          }}
          onReapply={() => {
            // Keep the person's edits, now against the version just read: the patch holds only their changes.
            const next = stale;
            const mine = mergePatch(draftOf(base!.agreement), draft);
            const merged = { ...draftOf(next.agreement) };
            for (const key of Object.keys(mine) as (keyof AgreementDraft)[]) (merged as Record<string, unknown>)[key] = draft[key];
            setBase(next);
            setDraft(merged);
            setStale(undefined);
            void save(undefined, next, merged);
          }}
        />
      )}
      <Card withBorder component="form" onSubmit={(event) => void save(event)} noValidate aria-labelledby="page-title">
        <Stack>
          {text('title', t('title'), { required: true })}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect name="kind" label={t('kind')} required value={draft.kind} onChange={(event) => set('kind', event.currentTarget.value as AgreementDraft['kind'])} data={agreementKinds.map((kind) => ({ value: kind, label: label(kind) }))} error={errorOf('kind')} />
            <AgreementPicker
              label={t('parentId')}
              description={t('parentHint')}
              value={draft.parentId}
              onChange={(parent) => set('parentId', parent)}
              exclude={id}
              offers={(parent) => canBeParent(draft.kind, parent)}
              onBlur={() => touch('parentId')}
              error={errorOf('parentId')}
            />
            {text('number', t('number'))}
            {text('partnerNumber', t('partnerNumber'))}
          </SimpleGrid>
          <Fieldset legend={t('partners')}>
            <Stack>
              {draft.partners.map((partner, index) => {
                const update = (change: Partial<AgreementDraft['partners'][number]>) => set('partners', draft.partners.map((item, at) => (at === index ? { ...item, ...change } : item)));
                return (
                  <Group key={index} align="flex-start" wrap="nowrap">
                    <TextInput label={`${t('partnerName')} ${index + 1}`} required value={partner.name} onChange={(e) => update({ name: e.currentTarget.value })} onBlur={() => touch('partners')} error={errorOf(`partners.${index}.name`)} flex={2} />
                    <NativeSelect label={t('partnerCategory')} value={partner.category} onChange={(e) => update({ category: e.currentTarget.value as never })} data={partnerCategories.map((category) => ({ value: category, label: label(category) }))} flex={1} />
                    <TextInput label={t('partnerCountry')} value={partner.country} maxLength={2} onChange={(e) => update({ country: e.currentTarget.value.toUpperCase() })} onBlur={() => touch('partners')} error={errorOf(`partners.${index}.country`)} w={140} />
                    {draft.partners.length > 1 && <CloseButton mt={28} aria-label={`${t('remove')} ${partner.name || index + 1}`} onClick={() => set('partners', draft.partners.filter((_, at) => at !== index))} />}
                  </Group>
                );
              })}
              {errorOf('partners') && (
                <Alert color="red" p="xs">
                  {errorOf('partners')}
                </Alert>
              )}
              <Button variant="outline" onClick={() => set('partners', [...draft.partners, { name: '', category: 'CENTRAL_GOVERNMENT', country: 'ID' }])} w="fit-content">
                {t('addPartner')}
              </Button>
            </Stack>
          </Fieldset>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {text('startsOn', t('startsOn'), { type: 'date', required: true })}
            {text('endsOn', t('endsOn'), { type: 'date', required: true })}
            {text('signedOn', t('signedOn'), { type: 'date' })}
          </SimpleGrid>
          {text('ownerUnit', t('ownerUnit'), { required: true })}
          {text('fields', t('fields'), { description: t('fieldsHint') })}
          {text('contactEmails', t('contacts'), { required: true, description: t('contactsHint') })}
          <Textarea name="notes" label={t('notes')} value={draft.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={errorOf('notes')} autosize minRows={3} />
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={saving}>
              {t('save')}
            </Button>
            <Button variant="outline" onClick={() => navigate(-1)}>
              {t('cancel')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
