import type { Language } from '../../i18n/messages.ts';
import type { RejectedRow } from './repository.ts';
import { rowErrorsText } from './row-errors.ts';

/** A value as CSV writes it: quoted when it holds the delimiter, a quote or a line break. */
function field(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The rejected rows as they were uploaded, with the file's own header and delimiter (so Excel
 * opens it as it opened the roster), plus `line` and `errors` columns, the errors in `language`.
 * A BOM tells Excel it is UTF-8.
 */
export function rejectedCsv(header: string[], delimiter: string, rows: RejectedRow[], language: Language): string {
  const line = (values: string[]) => values.map((value) => field(value, delimiter)).join(delimiter);
  const width = Math.max(header.length, ...rows.map((row) => row.fields.length));
  const pad = (values: string[]) => [...values, ...Array<string>(width - values.length).fill('')];
  return `\uFEFF${[line([...pad(header), 'line', 'errors']), ...rows.map((row) => line([...pad(row.fields), String(row.line), rowErrorsText(row.errors, language).join('; ')]))].join('\r\n')}\r\n`;
}
