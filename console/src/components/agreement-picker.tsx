import { Select, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getAgreement } from '../api/chain.ts';
import { api, unwrap, type Agreement } from '../api/client.ts';
import { isMissing } from '../api/problem.ts';
import { useI18n } from '../i18n/language.tsx';
// Only the pages with a picker load its styles (styles.ts holds the first page's), Popover's before Combobox's as in Mantine's styles.css.
import '@mantine/core/styles/Popover.css';
import '@mantine/core/styles/Combobox.css';

/** Fewer letters match too much to be useful (every word starting with "k"). */
const MIN_LETTERS = 2;
const MATCHES = 10;
/** Typing pauses this long before a search leaves: one request per word typed, not per key. */
const TYPING_PAUSE_MS = 250;

/** An agreement's id (a UUID) anywhere in what was pasted: alone, or in the address of its page. */
const ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The API's longest search (searchAgreementsQuery). */
const MAX_SEARCH_LENGTH = 200;

/** `GET /agreements/search`: words of a title or a number, each matching the start of a word. */
function searchQuery(words: string) {
  return {
    queryKey: ['agreements', 'search', words],
    queryFn: () => unwrap(api().GET('/agreements/search', { params: { query: { q: words, limit: MATCHES } } })),
    enabled: words.length >= MIN_LETTERS,
    staleTime: 30_000,
  };
}

/** What a person recognises an agreement by: its title, then its number when it has one. */
function optionOf(agreement: Pick<Agreement, 'id' | 'title' | 'number'>) {
  return { value: agreement.id, label: agreement.number ? `${agreement.title} · ${agreement.number}` : agreement.title };
}

interface PickerProps {
  label: string;
  description?: string;
  /** The chosen agreement's id ('' for none). */
  value: string;
  onChange: (id: string) => void;
  /** An agreement that may not be chosen (the one being edited cannot be its own parent). */
  exclude?: string;
  /** Which matches are offered (by default all). */
  offers?: (agreement: Agreement) => boolean;
  error?: string;
  onBlur?: () => void;
}

/**
 * Finds an agreement by words of its title or document number, as the bureau knows it, instead of
 * by its id: a combobox (Mantine Select, ARIA combobox with a listbox) whose options are the API's
 * matches, shown as they come (the API filters; the picker only lists), their number announced.
 * A chosen agreement is shown by its title even when it is not among the latest matches; an id
 * or a page's address pasted in offers that agreement.
 */
export function AgreementPicker({ label, description, value, onChange, exclude, offers = () => true, error, onBlur }: PickerProps) {
  const { t, number } = useI18n();
  const [typed, setTyped] = useState('');
  const chosen = useQuery({ queryKey: ['agreements', value], queryFn: () => getAgreement(value), enabled: value !== '' });
  const chosenOption = chosen.data ? optionOf(chosen.data.data) : value ? { value, label: value } : undefined;
  // Select writes the chosen option's label into the box: that is not something typed to search for.
  const searched = typed === chosenOption?.label ? '' : typed.trim().slice(0, MAX_SEARCH_LENGTH);
  // An agreement's id, or the address of its page, pasted in: that agreement, not a search for the words of a link.
  const pastedId = ID.exec(searched)?.[0];
  const pasted = useQuery({ queryKey: ['agreements', pastedId], queryFn: () => getAgreement(pastedId!), enabled: pastedId !== undefined, retry: false });
  const [words] = useDebouncedValue(pastedId ? '' : searched, TYPING_PAUSE_MS);
  const found = useQuery(searchQuery(words));
  // Matches of what is in the box only: none of earlier words while the next search is on its way.
  const current = pastedId !== undefined || (words === searched && words.length >= MIN_LETTERS);
  const answered = current && !(pastedId ? pasted.isFetching : found.isFetching);
  const matches = !current ? [] : pastedId ? (pasted.data ? [pasted.data.data] : []) : (found.data?.items ?? []);
  const offered = matches.filter((agreement) => agreement.id !== exclude && offers(agreement));
  const options = new Map<string, { value: string; label: string }>();
  if (chosenOption) options.set(value, chosenOption);
  for (const agreement of offered) if (!options.has(agreement.id)) options.set(agreement.id, optionOf(agreement));
  const failed = pastedId ? pasted.error && !isMissing(pasted.error) : found.error;
  const nothingFound = searched.length < MIN_LETTERS ? t('pickerTypeMore') : !answered ? t('loading') : failed ? t('pickerFailed') : t('pickerNone');
  return (
    <>
      <Select
        label={label}
        description={description}
        placeholder={t('pickerPlaceholder')}
        data={[...options.values()]}
        value={value || null}
        onChange={(id) => onChange(id ?? '')}
        searchable
        searchValue={typed}
        onSearchChange={setTyped}
        // The API has matched the words already (word starts, accents ignored): filtering again here would hide its matches.
        filter={({ options: shown }) => shown}
        nothingFoundMessage={nothingFound}
        clearable
        error={error}
        onBlur={onBlur}
      />
      {/* The listbox says nothing of how many matched: a screen reader hears it here once a search is answered. */}
      <VisuallyHidden aria-live="polite">{answered && searched.length >= MIN_LETTERS ? t('pickerCount', { count: number(offered.length) }) : ''}</VisuallyHidden>
    </>
  );
}
