/**
 * What an export writes: one or more tables (sheets in XLSX; CSV carries the first), each a list
 * of typed columns. The writers decide the cell types from `kind`, so a NIP is text in every
 * file and a date is a date cell, whoever builds the rows.
 */
export type ColumnKind =
  /** Text Excel must not reinterpret: NIPs, document numbers (stored and formatted as text, `@`). */
  | 'text'
  /** A calendar date `YYYY-MM-DD`: a date cell in XLSX, the ISO date in CSV. */
  | 'date'
  | 'number';

export interface Column {
  /** The header, in Bahasa Indonesia (the files are the bureau's documents, whoever asked). */
  header: string;
  kind: ColumnKind;
  /** Width in characters (Excel's unit). */
  width: number;
}

export type Cell = string | number | undefined;

export interface Table<Item> {
  /** The sheet's name: at most 31 characters, none of []:*?/\ (Excel's rules). */
  name: string;
  columns: readonly Column[];
  /** The rows one listed item contributes (an agreement gives one row, and one per partner in the partners table). */
  rows(item: Item): Cell[][];
}

export interface ExportDefinition<Item> {
  /** The download's name without extension, e.g. `kerja-sama-2026-11-30`. */
  filename: string;
  tables: readonly Table<Item>[];
}

/**
 * Text a spreadsheet would run as a formula (CSV/formula injection, OWASP): a leading `=`, `+`,
 * `-`, `@`, tab or carriage return is neutralised with an apostrophe, which Excel shows as text.
 * Applied to text cells of both formats: an XLSX text cell is not a formula, but the same value
 * copied or re-saved as CSV would be.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
