import { Alert, Box, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent, type MouseEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { agreementKinds, agreementStatuses } from '../../../shared/agreements/schemas.ts';
import { todayInJakarta } from '../../../shared/time/calendar.ts';
import { agreementWriters } from '../access.ts';
import { agreementListQuery, listFilterNames } from '../api/agreement-list-query.ts';
import type { Agreement } from '../api/client.ts';
import { downloadExport } from '../api/export.ts';
import { ApiError, isMissing } from '../api/problem.ts';
import { queryClient } from '../api/query-client.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { AgreementPicker } from '../components/agreement-picker.tsx';
import { daysLeftText, partnerNames, statusColors } from '../components/agreement-bits.tsx';
import { followInApp } from '../components/in-app-links.ts';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading } from '../components/states.tsx';
import { useI18n } from '../i18n/language.tsx';
import './agreement-list.css';

/*
 * Where the time of a render went on a slow CPU (bench/console.ts, CDP trace at 4× throttling),
 * and what this page does about it. The request leaves from the click, and nothing else runs on
 * the main thread until its answer is in: no render for a pending state (the busy cue is an
 * attribute set on the results' element), so the answer is handed to the page as soon as it
 * arrives. The answer is then rendered at once and alone (flushSync, rows read from the cache):
 * only the table, in plain markup (no kit component, no router link per cell); the filter form
 * never renders again. The filters reach the address (a history entry and a render of the
 * router's tree, which follows the location) once the rows are painted and the browser is idle.
 */

/** Filters to show and the address they were chosen at: they are shown while that address is, until they reach the address. */
interface Shown {
  search: string;
  at: string;
}
type Show = (params: URLSearchParams) => void;

/** Runs `task` once the next frame is painted and the browser is idle (Safari, without idle callbacks: the task after that frame); returns a cancel. */
function whenIdleAfterPaint(task: () => void): () => void {
  let cancelLater = () => {};
  const frame = requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(task, { timeout: 1000 });
      cancelLater = () => cancelIdleCallback(idle);
    } else {
      const timer = setTimeout(task);
      cancelLater = () => clearTimeout(timer);
    }
  });
  return () => {
    cancelAnimationFrame(frame);
    cancelLater();
  };
}

/** Writes the filters of an address into the form's fields (uncontrolled: no render). */
function fillFields(form: HTMLFormElement, search: string) {
  const params = new URLSearchParams(search);
  for (const name of listFilterNames) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (field) field.value = params.get(name) ?? '';
  }
}

/** The filters of a form, as the address carries them. */
function filtersOf(form: HTMLFormElement): URLSearchParams {
  const values = new FormData(form);
  const filters = new URLSearchParams();
  for (const name of listFilterNames) {
    const value = String(values.get(name) ?? '').trim();
    if (value) filters.set(name, value);
  }
  return filters;
}

/**
 * The title, a search by title or number that opens the agreement picked, and the "new agreement"
 * button: nothing in them follows the address (memo).
 */
const ListHeader = memo(function ListHeader() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  return (
    <Group justify="space-between" align="flex-end">
      <PageTitle>{t('listTitle')}</PageTitle>
      <Group align="flex-end" className="no-print">
        <Box w={{ base: '100%', sm: 380 }}>
          <AgreementPicker label={t('findAgreement')} description={t('findAgreementHint')} value="" onChange={(id) => id && navigate(`/kerja-sama/${id}`)} />
        </Box>
        {hasAnyGroup(session, agreementWriters) && (
          <Button component={Link} to="/kerja-sama/baru">
            {t('newAgreement')}
          </Button>
        )}
      </Group>
    </Group>
  );
});

/** The filter inputs, uncontrolled, filled from the address when they mount; never rendered again (memo). */
const FilterFields = memo(function FilterFields({ initial }: { initial: string }) {
  const { t, label } = useI18n();
  const params = new URLSearchParams(initial);
  const options = (values: readonly string[]) => [{ value: '', label: t('any') }, ...values.map((value) => ({ value, label: label(value) }))];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
      <NativeSelect name="status" label={t('filterStatus')} defaultValue={params.get('status') ?? ''} data={options(agreementStatuses)} />
      <NativeSelect name="kind" label={t('filterKind')} defaultValue={params.get('kind') ?? ''} data={options(agreementKinds)} />
      <TextInput name="partner" label={t('filterPartner')} defaultValue={params.get('partner') ?? ''} />
      <TextInput name="field" label={t('filterField')} defaultValue={params.get('field') ?? ''} />
      <TextInput name="ownerUnit" label={t('filterOwnerUnit')} defaultValue={params.get('ownerUnit') ?? ''} />
      <TextInput name="endsFrom" type="date" label={t('filterEndsFrom')} defaultValue={params.get('endsFrom') ?? ''} />
      <TextInput name="endsTo" type="date" label={t('filterEndsTo')} defaultValue={params.get('endsTo') ?? ''} />
    </SimpleGrid>
  );
});

/**
 * The filter form. It never renders for new filters or answers (memo, stable props): the page
 * writes filters shown by other means (back, a shared link) into its fields. noValidate: no field
 * has a constraint, and the browser's validation pass forced a style and layout before the request
 * could leave. agreement-list.css takes the transitions and the pressed-button shift off its
 * controls: each cost a frame of style and paint while the request was out.
 */
const ListFilters = memo(function ListFilters({ form, initial, apply, shownFilters }: { form: RefObject<HTMLFormElement | null>; initial: string; apply: Show; shownFilters: () => URLSearchParams }) {
  const { t } = useI18n();
  const [exportState, setExportState] = useState<{ busy?: boolean; error?: string }>({});

  // The click, not the submit that follows it, applies the filters: the request leaves before the
  // browser's form submission steps. Enter in a field clicks this default button too.
  function applyOnClick(event: MouseEvent<HTMLButtonElement>) {
    event.preventDefault();
    apply(filtersOf(form.current!));
  }

  function applyOnSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply(filtersOf(event.currentTarget));
  }

  function reset() {
    fillFields(form.current!, '');
    apply(new URLSearchParams());
  }

  async function exportAs(format: 'xlsx' | 'csv') {
    setExportState({ busy: true });
    try {
      await downloadExport(format, shownFilters());
      setExportState({});
    } catch (error) {
      setExportState({ error: isMissing(error, { shadowed: true }) ? t('exportUnavailable') : error instanceof ApiError ? error.message : String(error) });
    }
  }

  return (
    <Paper withBorder p="md" component="form" ref={form} onSubmit={applyOnSubmit} noValidate aria-label={t('filters')} className="list-filters no-print">
      <FilterFields initial={initial} />
      <Group mt="md">
        <Button type="submit" onClick={applyOnClick}>
          {t('apply')}
        </Button>
        <Button variant="outline" onClick={reset}>
          {t('reset')}
        </Button>
        <Button variant="outline" loading={exportState.busy} onClick={() => void exportAs('xlsx')}>
          {t('exportXlsx')}
        </Button>
        <Button variant="outline" loading={exportState.busy} onClick={() => void exportAs('csv')}>
          {t('exportCsv')}
        </Button>
      </Group>
      {exportState.error && (
        <Alert mt="sm" color="orange" role="status">
          {exportState.error}
        </Alert>
      )}
    </Paper>
  );
});

/** The column headers, the same for every answer (memo). */
const AgreementTableHead = memo(function AgreementTableHead() {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        <th scope="col">{t('colTitle')}</th>
        <th scope="col">{t('colKind')}</th>
        <th scope="col">{t('colPartners')}</th>
        <th scope="col">{t('colEnds')}</th>
        <th scope="col">{t('colStatus')}</th>
        <th scope="col">{t('colDaysLeft')}</th>
      </tr>
    </thead>
  );
});

/**
 * The rows of an answer as plain table markup (agreement-list.css), rendered again only for a new
 * answer (memo). Titles are ordinary links; the table follows them inside the app (below). Rows
 * are keyed by position: a new answer rewrites the text of the rows in place, where keys by id
 * removed every row and built new ones (the removal alone was a third of the render at 4×). A row
 * holds no state, so nothing is lost by reusing it.
 */
const AgreementRows = memo(function AgreementRows({ items }: { items: Agreement[] }) {
  const { t, label, date } = useI18n();
  const today = todayInJakarta();
  return (
    <tbody>
      {items.map((agreement, row) => (
        <tr key={row}>
          <td>
            <a className="agreement-link" href={`/kerja-sama/${agreement.id}`}>
              {agreement.title}
            </a>
          </td>
          <td>{label(agreement.kind)}</td>
          <td>{partnerNames(agreement)}</td>
          <td>{date(agreement.endsOn)}</td>
          <td>
            <span className="status-badge" style={{ background: `var(--mantine-color-${statusColors[agreement.status]}-light)` }}>
              {label(agreement.status)}
            </span>
          </td>
          <td>
            <span className="days-left">{daysLeftText(agreement, today, t)}</span>
          </td>
        </tr>
      ))}
    </tbody>
  );
});

/**
 * The table of an answer (plain markup, agreement-list.css; it scrolls sideways on a narrow
 * screen), with one click handler for every title link: a plain click stays in the app.
 */
const AgreementTable = memo(function AgreementTable({ items }: { items: Agreement[] }) {
  const navigate = useNavigate();
  const follow = (event: MouseEvent<HTMLTableElement>) => followInApp(event, navigate, 'a.agreement-link');
  return (
    <div className="agreement-table-scroll">
      <table className="agreement-table" aria-labelledby="page-title" data-testid="agreement-table" onClick={follow}>
        <AgreementTableHead />
        <AgreementRows items={items} />
      </table>
    </div>
  );
});

/**
 * The answer for some filters, with cursor paging. The previous rows stay while the next answer
 * loads (the page marks the element aria-busy meanwhile); data-query and data-fresh say which
 * filters the rows answer (bench/console.ts). Once the answer (or its error) is painted and the
 * browser is idle, filters not yet in the address are put there.
 */
const ListResults = memo(function ListResults({ search, addressed, show, element }: { search: string; addressed: boolean; show: Show; element: RefObject<HTMLDivElement | null> }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const params = new URLSearchParams(search);
  // The answer is in the cache already when new filters are shown (the page waits for it), or on
  // its way (the route's loader started it); an error the page waited for is shown, not fetched again.
  const list = useQuery({ ...agreementListQuery(params), placeholderData: keepPreviousData, retryOnMount: false });
  const fresh = list.data !== undefined && !list.isPlaceholderData;
  const settled = fresh || list.error !== null;
  useEffect(() => {
    if (!addressed && settled) return whenIdleAfterPaint(() => void navigate({ search }));
  }, [addressed, settled, search, navigate]);
  const pageAt = (cursor: string | undefined) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('cursor', cursor);
    else next.delete('cursor');
    show(next);
  };
  const nextCursor = list.data?.nextCursor;
  return (
    <Stack ref={element} data-query={search} data-fresh={fresh}>
      {list.error ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Text>{t('noResults')}</Text>
      ) : (
        <AgreementTable items={list.data.items} />
      )}
      <Group className="no-print">
        {params.get('cursor') && (
          <Button variant="outline" onClick={() => pageAt(undefined)}>
            {t('firstPage')}
          </Button>
        )}
        {nextCursor && (
          <Button variant="outline" onClick={() => pageAt(nextCursor)}>
            {t('nextPage')}
          </Button>
        )}
      </Group>
    </Stack>
  );
});

/** `/kerja-sama`: filters in the URL, cursor paging, export of the filtered list. */
export default function AgreementList() {
  const [params] = useSearchParams();
  const address = params.toString();
  const [shown, setShown] = useState<Shown>();
  // Shown filters that reached the address are done with (back to their old address shows that one).
  if (shown && shown.search === address) setShown(undefined);
  const search = shown?.at === address ? shown.search : address;
  const [initial] = useState(search);
  const form = useRef<HTMLFormElement>(null);
  const results = useRef<HTMLDivElement>(null);
  // The filters asked for last (an earlier answer arriving after it is not shown), and those the
  // form applied until they are shown (its fields already say so, and may have been edited since).
  const requested = useRef<string>(undefined);
  const applied = useRef<string>(undefined);
  const shownSearch = useRef(search);

  // Filters shown by other means (back, a shared link) are written into the form's fields.
  useLayoutEffect(() => {
    shownSearch.current = search;
    if (search === applied.current) applied.current = undefined;
    else if (form.current) fillFields(form.current, search);
  }, [search]);

  // The request leaves now; the filters are shown once its answer (or error) is in, in one render
  // of the results done at once. They were chosen at the browser's address, which may be ahead of
  // the one rendered (a navigation still committing): once that one is rendered, they are shown.
  const show = useCallback<Show>((next) => {
    const key = next.toString();
    const at = new URLSearchParams(window.location.search).toString();
    requested.current = key;
    results.current?.setAttribute('aria-busy', 'true');
    const answered = () => {
      if (requested.current !== key) return;
      flushSync(() => setShown({ search: key, at }));
      results.current?.removeAttribute('aria-busy');
    };
    queryClient.fetchQuery(agreementListQuery(next)).then(answered, answered);
  }, []);
  const apply = useCallback<Show>(
    (next) => {
      applied.current = next.toString();
      show(next);
    },
    [show],
  );
  const shownFilters = useCallback(() => new URLSearchParams(shownSearch.current), []);

  return (
    <Stack data-page="agreement-list">
      <ListHeader />
      <ListFilters form={form} initial={initial} apply={apply} shownFilters={shownFilters} />
      <ListResults search={search} addressed={search === address} show={show} element={results} />
    </Stack>
  );
}
