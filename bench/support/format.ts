/** How figures are written, the same way in the console and in RESULTS.md. */
export const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`);
export const times = (value: number) => (Number.isFinite(value) ? `${value < 0.1 ? value.toPrecision(2) : value.toFixed(2)}x` : 'n/a');
export const percent = (value: number) => (Number.isFinite(value) ? `${value < 1 ? value.toPrecision(2) : value.toFixed(1)}%` : 'n/a');
export const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
export const units = (value: number) => `${Number.isInteger(value) ? value : value.toFixed(1)} CU`;
export const count = (value: number) => value.toLocaleString('en-US');
export const perSecond = (value: number) => `${value.toFixed(0)}/s`;

/** A Markdown table; pipes inside cells are escaped. */
export function markdownTable(header: string[], rows: string[][]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** The same table with aligned columns, for the terminal. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((text, column) => text.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
