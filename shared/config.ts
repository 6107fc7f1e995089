import * as z from 'zod/mini';

/** A comma-separated list in one environment variable, trimmed, empty entries dropped. */
const list = (fallback: string) =>
  z.pipe(
    z._default(z.string(), fallback),
    z.transform((value: string) => value.split(',').map((entry) => entry.trim()).filter(Boolean)),
  );

/**
 * The few settings Jalin reads from its environment, validated once on first use (not at import,
 * so tests and the local server can set the environment before the first request).
 */
const settingsSchema = z.object({
  TABLE_NAME: z._default(z.string().check(z.minLength(1)), 'jalin'),
  /** Set locally (DynamoDB Local); absent on AWS. */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'ap-southeast-3'),
  /** Keys cursors so that an edited cursor is refused; any stable value works locally. */
  CURSOR_SECRET: z._default(z.string().check(z.minLength(16)), 'jalin-local-cursor-secret'),
  /** How long one DynamoDB request may take before it counts as unanswered (then a 503); tests on a busy machine raise it. */
  DYNAMODB_REQUEST_TIMEOUT_MS: z._default(z.coerce.number().check(z.int(), z.positive()), 2_000),
  IDEMPOTENCY_TTL_HOURS: z._default(z.coerce.number().check(z.int(), z.positive()), 24),
  /** Yearly training target in hours where none is stored for the year (DKI Jakarta: 40). */
  DEFAULT_TARGET_HOURS: z._default(z.coerce.number().check(z.positive()), 40),
  /** Days before endsOn at which an expiring agreement is announced, `0` being the day itself. */
  ALERT_THRESHOLDS: z.pipe(
    list('180,90,30,7,0'),
    z.pipe(
      z.transform((days: string[]) => [...new Set(days.map(Number))].sort((a, b) => b - a)),
      z.array(z.number().check(z.int(), z.minimum(0), z.maximum(1825))).check(z.minLength(1)),
    ),
  ),
  /** An active agreement with no linked training for this many days is dormant. */
  DORMANT_DAYS: z._default(z.coerce.number().check(z.int(), z.positive()), 180),
  ALERT_LANGUAGE: z._default(z.enum(['id', 'en']), 'id'),
  ALERT_SENDER: z._default(z.string().check(z.minLength(3)), 'Jalin <jalin@localhost>'),
  /** Who gets the monthly per-unit compliance summary (comma-separated). */
  TRAINING_ADMIN_EMAILS: list('bpsdm@localhost'),
  /** Where local tools (`npm run job`, tests) write each email as an .eml file. */
  OUTBOX_DIR: z._default(z.string(), '.outbox'),
  /** The SES configuration set every message is sent with (TLS required, reputation metrics, bounce events). */
  SES_CONFIGURATION_SET: z.optional(z.string().check(z.minLength(1))),
  /** Alert emails go only to these domains and their subdomains (comma-separated); empty: any (local). */
  RECIPIENT_DOMAINS: list(''),
  /** Set on AWS for the jobs whose runs fan out: their emails go through this SQS queue. */
  EMAIL_QUEUE_URL: z.optional(z.url()),
  /** Set on AWS for the import workers: chunks of a roster go through this SQS queue. Absent: processed in-process (`npm start`). */
  IMPORTS_QUEUE_URL: z.optional(z.url()),
  /** SES's maximum send rate (messages/s) shared by EMAIL_SENDERS concurrent queue consumers. */
  SES_SEND_RATE: z._default(z.coerce.number().check(z.positive()), 1),
  EMAIL_SENDERS: z._default(z.coerce.number().check(z.int(), z.positive()), 1),
  /** Set on AWS: the private bucket holding uploads (rosters, documents) and exports. Absent: a local folder. */
  FILES_BUCKET: z.optional(z.string().check(z.minLength(3))),
  /** Where the local file store keeps files (`npm start`, tests). */
  FILES_DIR: z._default(z.string(), '.jalin/files'),
  /** Keys the local file store's upload and download URLs; any stable value works locally. */
  FILES_SECRET: z._default(z.string().check(z.minLength(16)), 'jalin-local-files-secret'),
  /** Minutes in one JP (jam pelajaran): 45 by national rule; a multiple of 15 so JP are whole quarter hours. */
  JP_MINUTES: z._default(z.coerce.number().check(z.int(), z.minimum(15), z.maximum(240), z.multipleOf(15)), 45),
  /** Whole months of the year before pro-rata training reminders start (3: the first goes on 1 April). */
  TRAINING_REMINDER_GRACE_MONTHS: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(11)), 3),
  /**
   * Largest export answered inline (bytes); larger ones go to the file store. 4 MiB is the most a
   * Lambda response (6 MB, base64) carries; a lower value lets tests and the bench take the stored path.
   */
  EXPORT_INLINE_MAX_BYTES: z._default(z.coerce.number().check(z.int(), z.positive(), z.maximum(4 * 1024 * 1024)), 4 * 1024 * 1024),
  /** The console's base URL, for links in emails. */
  CONSOLE_URL: z._default(z.url(), 'http://localhost:3000'),
  /** Who signs agreement alerts and receives the replies (Reply-To). */
  AGREEMENTS_UNIT_NAME: z._default(z.string().check(z.minLength(1)), 'Biro Kerja Sama Daerah Provinsi DKI Jakarta'),
  AGREEMENTS_UNIT_EMAIL: z._default(z.string().check(z.minLength(3)), 'kerjasama@localhost'),
  /** Who signs training reminders and receives the replies (Reply-To, List-Unsubscribe). */
  TRAINING_UNIT_NAME: z._default(z.string().check(z.minLength(1)), 'BPSDM Provinsi DKI Jakarta'),
  TRAINING_UNIT_EMAIL: z._default(z.string().check(z.minLength(3)), 'bpsdm@localhost'),
});

export type Settings = z.infer<typeof settingsSchema>;

let cached: Settings | undefined;

export function settings(): Settings {
  cached ??= settingsSchema.parse(process.env);
  return cached;
}

/** Forget the cached settings (the local server and tests change the environment). */
export function resetSettings(): void {
  cached = undefined;
}
