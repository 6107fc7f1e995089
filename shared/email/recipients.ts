import { PermanentSendError } from './message.ts';

/** True when `address` is in one of `domains` or a subdomain of one (case-insensitive). */
export function inAllowedDomain(address: string, domains: readonly string[]): boolean {
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return domains.some((allowed) => domain === allowed.toLowerCase() || domain.endsWith(`.${allowed.toLowerCase()}`));
}

/**
 * Refuses, before anything reaches SES, a message with any recipient outside the stage's domains
 * (RECIPIENT_DOMAINS): a typo in a contact address or a test stage must not mail the outside
 * world. Permanent: the alert is FAILED and says why. No domains configured: no restriction.
 */
export function assertAllowedRecipients(addresses: readonly string[], domains: readonly string[]): void {
  if (domains.length === 0) return;
  const outside = addresses.filter((address) => !inAllowedDomain(address, domains)).length;
  if (outside > 0) throw new PermanentSendError(`RecipientDomainNotAllowed: ${outside} of ${addresses.length} recipients`);
}
