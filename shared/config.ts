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
