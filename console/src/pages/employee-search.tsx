import { Anchor, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { render } from '../../../shared/i18n/messages.ts';
import { checkNip } from '../../../shared/training/nip.ts';
import { currentYear } from '../../../shared/time/calendar.ts';
import { employeeKeys, searchEmployees, unitNames } from '../api/employees.ts';
import { employeePath } from '../components/employee-address.ts';
import { PageTitle } from '../components/page-title.tsx';
import { LoadError, Loading } from '../components/states.tsx';
import { useI18n } from '../i18n/language.tsx';

interface Search {
  name: string;
  unit: string;
}

/**
 * The search terms live in memory only, never in the URL: an address with a NIP or a name would
 * land in the browser's history (and its autocomplete) on a shared office PC, personal data kept
 * beyond the session (UU PDP 27/2022). Held here rather than in the component so that Back from a
 * profile shows the same results; sign-out reloads the page, which forgets them.
 */
let lastSearch: Search | undefined;

/** A NIP as people type it, spaces between its groups included ("19860926 201505 1 001"). */
function asNip(term: string): string | undefined {
  return /^[\d\s]+$/.test(term) ? term.replace(/\s+/g, '') : undefined;
}

/** `/pegawai`: a full NIP opens the profile (checked first with the API's own NIP rules); a name's start lists the matches. */
export default function EmployeeSearch() {
  const { t, language, number } = useI18n();
  const navigate = useNavigate();
  const [term, setTerm] = useState(lastSearch?.name ?? '');
  const [unit, setUnit] = useState(lastSearch?.unit ?? '');
  const [search, setSearch] = useState<Search | undefined>(lastSearch);
  const [problem, setProblem] = useState<string>();
  const units = useQuery({ queryKey: ['compliance', 'units', currentYear()], queryFn: () => unitNames(currentYear()) });
  const results = useInfiniteQuery({
    queryKey: employeeKeys.search(search?.name ?? '', search?.unit ?? ''),
    queryFn: ({ pageParam }) => searchEmployees(search!.name, search!.unit, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    enabled: !!search,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const typed = term.trim();
    const nip = asNip(typed);
    if (nip !== undefined) {
      if (nip.length !== 18) return setProblem(t('employeeSearchNipPartial'));
      const check = checkNip(nip);
      if (!check.valid) return setProblem(check.problems.map((found) => render(found.code, found.params, language)).join('; '));
      return navigate(employeePath(nip));
    }
    if (typed.replace(/[^\p{L}]/gu, '').length < 2) return setProblem(t('employeeSearchTooShort'));
    setProblem(undefined);
    lastSearch = { name: typed, unit };
    setSearch(lastSearch);
  }

  const found = results.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack data-page="employee-search">
      <PageTitle>{t('employeeSearchTitle')}</PageTitle>
      <Text>{t('employeeSearchIntro')}</Text>
      <Card withBorder component="form" role="search" aria-labelledby="page-title" noValidate onSubmit={submit}>
        <Group align="flex-end">
          <TextInput
            label={t('employeeSearchLabel')}
            description={t('employeeSearchHint')}
            value={term}
            onChange={(event) => {
              setTerm(event.currentTarget.value);
              setProblem(undefined);
            }}
            error={problem}
            autoComplete="off"
            flex={2}
            miw={260}
          />
          <NativeSelect
            label={t('employeeSearchUnit')}
            value={unit}
            onChange={(event) => setUnit(event.currentTarget.value)}
            data={[{ value: '', label: t('employeeSearchAnyUnit') }, ...(units.data ?? []).map((name) => ({ value: name, label: name }))]}
            flex={1}
            miw={220}
          />
          <Button type="submit">
            {t('employeeSearchButton')}
          </Button>
        </Group>
      </Card>
      {search && (
        <div>
          {results.error ? (
            <LoadError error={results.error} retry={() => void results.refetch()} />
          ) : !results.data ? (
            <Loading />
          ) : (
            <Stack>
              <Text role="status" fw={600}>
                {found.length === 0 ? t('employeeSearchNone', { name: search.name }) : t('employeeSearchResults', { count: number(found.length) })}
              </Text>
              {found.length > 0 && (
                <Table.ScrollContainer minWidth={640}>
                  <Table striped data-testid="employee-results">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('employeeColName')}</Table.Th>
                        <Table.Th scope="col">{t('employeeColNip')}</Table.Th>
                        <Table.Th scope="col">{t('employeeColUnit')}</Table.Th>
                        <Table.Th scope="col">{t('employeeColPosition')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {found.map((employee) => (
                        <Table.Tr key={employee.nip}>
                          <Table.Td>
                            <Anchor component={Link} to={employeePath(employee.nip)} td="underline">
                              {employee.name}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{employee.nip}</Table.Td>
                          <Table.Td>{employee.unit}</Table.Td>
                          <Table.Td>{employee.position ?? '—'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {results.hasNextPage && (
                <Button variant="outline" w="fit-content" loading={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
                  {t('employeeSearchMore')}
                </Button>
              )}
            </Stack>
          )}
        </div>
      )}
    </Stack>
  );
}
