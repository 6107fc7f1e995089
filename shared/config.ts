import { z } from 'zod';

/**
 * The few settings Jalin reads from its environment, validated once on first use (not at import,
 * so tests and the local server can set the environment before the first request).
 */
const settingsSchema = z.object({
  TABLE_NAME: z.string().min(1).default('jalin'),
  /** Set locally (DynamoDB Local); absent on AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('ap-southeast-3'),
  /** Keys cursors so that an edited cursor is refused; any stable value works locally. */
  CURSOR_SECRET: z.string().min(16).default('jalin-local-cursor-secret'),
  IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().positive().default(24),
  /** Yearly training target in hours where none is stored for the year (DKI Jakarta: 40). */
  DEFAULT_TARGET_HOURS: z.coerce.number().positive().default(40),
  /** Days before endsOn at which an expiring agreement is announced, `0` being the day itself. */
  ALERT_THRESHOLDS: z
    .string()
    .default('180,90,30,7,0')
    .transform((list) => [...new Set(list.split(',').map((day) => Number(day.trim())))].sort((a, b) => b - a))
    .pipe(z.array(z.number().int().min(0).max(1825)).min(1)),
  /** An active agreement with no linked training for this many days is dormant. */
  DORMANT_DAYS: z.coerce.number().int().positive().default(180),
  ALERT_LANGUAGE: z.enum(['id', 'en']).default('id'),
  ALERT_SENDER: z.string().min(3).default('Jalin <jalin@localhost>'),
  /** Who gets the monthly per-unit compliance summary (comma-separated). */
  TRAINING_ADMIN_EMAILS: z
    .string()
    .default('bpsdm@localhost')
    .transform((list) => list.split(',').map((address) => address.trim()).filter(Boolean)),
  /** `ses` on AWS; `outbox` writes .eml files locally. */
  MAIL_TRANSPORT: z.enum(['ses', 'outbox']).default('outbox'),
  OUTBOX_DIR: z.string().default('.outbox'),
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
