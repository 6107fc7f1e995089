import type { Mailer } from '../../email/message.ts';
import type { AlertQueue } from '../fan-out.ts';

/** What every job run gets: the Jakarta date it runs for (replayable), the clock, the transport. */
export interface JobContext {
  today: string;
  now: Date;
  mailer: Mailer;
  /** On AWS, for runs that fan out: the email queue. Absent (locally, in tests): send inline. */
  queue?: AlertQueue;
}
