import { trainingReaders } from '../access.ts';
import { currentSession, hasAnyGroup } from '../auth/session.ts';
import { currentYear } from '../../../shared/time/calendar.ts';
import { COMPLIANCE_PAGE } from '../domain/compliance.ts';
import { api, unwrap } from './client.ts';
import { queryClient } from './query-client.ts';

/** The unit page's year (`?tahun=`, this year when absent or not a number). */
export function unitYear(params: URLSearchParams): number {
  const thisYear = currentYear();
  return Number(params.get('tahun') ?? thisYear) || thisYear;
}

/** `GET /training-targets/{year}` (the same key as the compliance page's: drilling down reuses its answer). */
export function targetQuery(year: number) {
  return { queryKey: ['training-targets', year], queryFn: () => unwrap(api().GET('/training-targets/{year}', { params: { path: { year } } })) };
}

/** The unit's employees, page after page of `GET /compliance`: one definition for the page and its loader. */
export function unitRowsQuery(unit: string, year: number) {
  return {
    queryKey: ['compliance', 'unit', unit, year],
    queryFn: ({ pageParam }: { pageParam: string | undefined }) =>
      unwrap(api().GET('/compliance', { params: { query: { unit, year, limit: COMPLIANCE_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: { nextCursor?: string }) => last.nextCursor,
    // Pages never change once read: comparing all of them again on every new page is wasted work.
    structuralSharing: false,
  };
}

/**
 * The route's loader: the target and the first page are requested with the navigation, while the
 * page's code loads and renders, not after it (bench/console-unit.ts). Only for a training reader.
 */
export function prefetchUnit({ request, params }: { request: Request; params: { unit?: string } }): null {
  if (hasAnyGroup(currentSession(), trainingReaders) && params.unit) {
    const year = unitYear(new URL(request.url).searchParams);
    void queryClient.prefetchQuery(targetQuery(year));
    void queryClient.prefetchInfiniteQuery(unitRowsQuery(params.unit, year));
  }
  return null;
}
