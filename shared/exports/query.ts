import type { ObjectAccess } from '../http/route.ts';
import * as z from 'zod/mini';

/**
 * The query of an export: its list's own filters (the list's schema, one source of truth)
 * without paging, plus the format. Kept apart from the writers so that the route rows, which
 * every function of a capability imports, stay light.
 */
export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const format = z._default(
  z.enum(exportFormats).check(z.meta({ description: 'xlsx (default): one sheet per table, typed cells; csv: UTF-8 with BOM, CRLF, the main table only.' })),
  'xlsx',
);

export function exportQueryOf<Shape extends z.core.$ZodShape>(list: z.ZodMiniObject<Shape, z.core.$strict>) {
  // zod cannot follow `omit` through a generic shape: the cast restates what omit + extend make.
  return z.extend(z.omit(list as z.ZodMiniObject<z.core.$ZodShape, z.core.$strict>, { limit: true, cursor: true }), { format }) as unknown as z.ZodMiniObject<
    Omit<Shape, 'limit' | 'cursor'> & { format: typeof format },
    z.core.$strict
  >;
}

export const exportMediaTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The media types an export answers with, in the order OpenAPI lists them. */
export const exportFiles = [exportMediaTypes.xlsx, exportMediaTypes.csv].map((type) => type.split(';')[0]!);

/** API Gateway stops waiting at 29 s: an export of 60,000 rows must finish within it (bench section "Exports"). */
export const EXPORT_TIMEOUT_SECONDS = 29;

/** What an export does in the file store: writes a large file under exports/, then signs its download link. */
export const exportObjects: readonly ObjectAccess[] = [
  { action: 'PutObject', prefix: 'exports/' },
  { action: 'GetObject', prefix: 'exports/' },
];

/** The answer when the file is too large to return inline (201): where to download it. */
export const exportLinkSchema = z.object({
  download: z.object({
    url: z.string().check(z.meta({ description: 'A short-lived link that downloads the file (with its name); no token needed.' })),
    expiresAt: z.string().check(z.meta({ format: 'date-time' })),
  }),
  filename: z.string(),
  contentType: z.string(),
  size: z.int().check(z.meta({ description: 'Bytes.' })),
  rows: z.int().check(z.meta({ description: 'Items exported (rows of the main table).' })),
});
export type ExportLink = z.output<typeof exportLinkSchema>;
