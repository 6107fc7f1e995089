import type { Mailer } from '../../email/message.ts';

/** What every job run gets: the Jakarta date it runs for (replayable), the clock, the transport. */
export interface JobContext {
  today: string;
  now: Date;
  mailer: Mailer;
}
