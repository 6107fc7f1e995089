import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** The Cognito groups that Jalin's routes grant access to. */
export const groups = ['agreements-admin', 'training-admin', 'auditor', 'employee'] as const;
export type Group = (typeof groups)[number];

export interface Principal {
  /** The token's `sub`: who did it, in audit trails and `createdBy`. */
  subject: string;
  groups: Group[];
  /** `custom:nip`: an employee's own NIP, which bounds what an `employee` token may read. */
  nip?: string;
}

type JwtClaims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * The caller, from the claims that API Gateway's JWT authorizer (or the local server, which
 * plays its part) put on the event; `undefined` when the request carried no verified token.
 */
export function principalFromEvent(event: APIGatewayProxyEventV2): Principal | undefined {
  const claims = (event.requestContext as { authorizer?: { jwt?: { claims?: JwtClaims } } }).authorizer?.jwt?.claims;
  const subject = claims?.sub;
  if (typeof subject !== 'string' || subject === '') return undefined;
  const nip = claims?.['custom:nip'];
  return {
    subject,
    groups: parseGroups(claims?.['cognito:groups']),
    ...(typeof nip === 'string' && nip !== '' ? { nip } : {}),
  };
}

/**
 * HTTP APIs hand array claims to Lambda flattened into a string such as `[auditor employee]`;
 * tests and other callers may pass a real array. Unknown group names are ignored.
 */
export function parseGroups(claim: unknown): Group[] {
  const names = Array.isArray(claim)
    ? claim.map(String)
    : typeof claim === 'string'
      ? claim.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return groups.filter((group) => names.includes(group));
}

export function hasAnyGroup(principal: Principal, allowed: readonly Group[]): boolean {
  return principal.groups.some((group) => allowed.includes(group));
}
