import { guardFormula, type Cell, type Column, type Table } from './table.ts';
import type { TableWriter } from './xlsx.ts';

/** UTF-8's byte order mark: without it Excel reads a CSV as the system's code page and breaks names like "Sulawesi Tenggara – Kolaka". */
export const BOM = '\ufeff';

/** RFC 4180: a field with a comma, quote or line break is quoted, and quotes inside are doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record with its CRLF; text cells are guarded against formula injection, numbers and dates are not text. */
export function csvRecord(columns: readonly Column[], cells: readonly Cell[]): string {
  return (
    columns
      .map((column, index) => {
        const cell = cells[index];
        if (cell === undefined) return '';
        return csvField(column.kind === 'text' && typeof cell === 'string' ? guardFormula(cell) : String(cell));
      })
      .join(',') + '\r\n'
  );
}

export function csvHeader(columns: readonly Column[]): string {
  return BOM + columns.map((column) => csvField(column.header)).join(',') + '\r\n';
}

/** A CSV of the first table (CSV has no sheets): the BOM and header first, then records as they come. */
export function csvWriter(tables: readonly Pick<Table<unknown>, 'columns'>[], out: (chunk: Uint8Array) => void): TableWriter {
  const { columns } = tables[0]!;
  out(Buffer.from(csvHeader(columns)));
  return {
    rows(table, rows) {
      if (table !== 0 || rows.length === 0) return;
      out(Buffer.from(rows.map((cells) => csvRecord(columns, cells)).join('')));
    },
    end() {},
  };
}
