import { ALERT_TAG, alertIdFromTag } from './ses.ts';

/** The part of an SES event (EventBridge `detail`) that Jalin reads. Addresses are counted, never kept. */
export interface SesEventDetail {
  eventType?: string;
  mail?: { destination?: string[]; tags?: Record<string, string[] | undefined> };
  bounce?: { bounceType?: string; bounceSubType?: string; bouncedRecipients?: unknown[] };
  complaint?: { complaintFeedbackType?: string; complainedRecipients?: unknown[] };
  reject?: { reason?: string };
}

export interface DeliveryProblem {
  alertId: string;
  /** What the alert's `lastError` says, e.g. `Bounce Permanent/OnAccountSuppressionList: 1 of 2 recipients`. */
  problem: string;
  /** No recipient got the email: the alert is FAILED. */
  failed: boolean;
}

/**
 * Reads an SES bounce, complaint or reject event into what the alert ledger records, or
 * `undefined` for events of other messages (no alert tag) or other kinds. A bounce of every
 * recipient (including SES refusing an address on its suppression list, which is how a bounced
 * address stops being mailed) fails the alert; a partial bounce or a complaint is noted on it.
 */
export function deliveryProblemOf(detail: SesEventDetail): DeliveryProblem | undefined {
  const tag = detail.mail?.tags?.[ALERT_TAG]?.[0];
  if (!tag) return undefined;
  const alertId = alertIdFromTag(tag);
  const recipients = detail.mail?.destination?.length ?? 0;
  const counted = (affected: number) => `${affected} of ${recipients} recipients`;
  switch (detail.eventType) {
    case 'Bounce': {
      const bounced = detail.bounce?.bouncedRecipients?.length ?? recipients;
      const kind = `${detail.bounce?.bounceType ?? 'Undetermined'}/${detail.bounce?.bounceSubType ?? 'Undetermined'}`;
      return { alertId, problem: `Bounce ${kind}: ${counted(bounced)}`, failed: bounced >= recipients };
    }
    case 'Complaint': {
      const complained = detail.complaint?.complainedRecipients?.length ?? 1;
      return { alertId, problem: `Complaint ${detail.complaint?.complaintFeedbackType ?? 'unspecified'}: ${counted(complained)}`, failed: false };
    }
    case 'Reject':
      return { alertId, problem: `Rejected by SES: ${detail.reject?.reason ?? 'unspecified'}`, failed: true };
    default:
      return undefined;
  }
}
