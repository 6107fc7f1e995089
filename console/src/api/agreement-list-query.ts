import { readers } from '../access.ts';
import { currentSession, hasAnyGroup } from '../auth/session.ts';
import { api, unwrap } from './client.ts';
import { queryClient } from './query-client.ts';

/** The list's filters, as the URL carries them (a view can be shared by its address). */
export const listFilterNames = ['status', 'kind', 'partner', 'field', 'ownerUnit', 'endsFrom', 'endsTo'] as const;

function queryOf(params: URLSearchParams) {
  const query: Record<string, string | number> = { limit: 25 };
  for (const name of [...listFilterNames, 'cursor'] as const) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  return query;
}

/** `GET /agreements` for the filters of an address: one definition for the page and its loader. */
export function agreementListQuery(params: URLSearchParams) {
  const query = queryOf(params);
  return {
    queryKey: ['agreements', 'list', query],
    queryFn: () => unwrap(api().GET('/agreements', { params: { query: query as never } })),
  };
}

/** Starts `GET /agreements` for these filters (or joins the request already under way for them). */
function prefetchAgreements(params: URLSearchParams): void {
  void queryClient.prefetchQuery(agreementListQuery(params));
}

/**
 * The route's loader: the request starts with the navigation, while the page's code loads and
 * renders, instead of after (a waterfall that doubled the list's time on a slow CPU; bench/console.ts).
 * Only for a reader: anyone else gets the sign-in or the 403 page, not a request.
 */
export function prefetchAgreementList({ request }: { request: Request }): null {
  if (hasAnyGroup(currentSession(), readers)) prefetchAgreements(new URL(request.url).searchParams);
  return null;
}

