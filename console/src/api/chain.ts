import { api, unwrap, withEtag, type Agreement } from './client.ts';

export function getAgreement(id: string) {
  return withEtag(api().GET('/agreements/{id}', { params: { path: { id } } }));
}

/** The renewal chain around an agreement: predecessors through `renews`, successors through `renewedBy` (at most 20 terms). */
export async function renewalChain(agreement: Agreement): Promise<Agreement[]> {
  const chain = [agreement];
  for (let previous = agreement.renews; previous && chain.length < 20; ) {
    const term = await unwrap(api().GET('/agreements/{id}', { params: { path: { id: previous } } }));
    chain.unshift(term);
    previous = term.renews;
  }
  for (let next = agreement.renewedBy; next && chain.length < 20; ) {
    const term = await unwrap(api().GET('/agreements/{id}', { params: { path: { id: next } } }));
    chain.push(term);
    next = term.renewedBy;
  }
  return chain;
}
