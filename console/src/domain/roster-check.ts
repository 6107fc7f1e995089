import { parse } from 'csv-parse/sync';
import { InvalidInputError } from '../../../shared/errors.ts';
import { checkEmployeeRow, checkTrainingRow, detectDelimiter, parseRoster, type RosterHeader, type RosterKind } from '../../../shared/training/imports/roster.ts';
import { rowErrorsText } from '../../../shared/training/imports/row-errors.ts';
import { rosterBody } from '../../../shared/training/programs/schemas.ts';
import type { Language } from '../../../shared/i18n/messages.ts';
import type { RosterEntry } from '../api/programs.ts';
import { fieldIssues } from '../forms/validation.ts';

/** A row the API's own checks refuse: its line in the file, its NIP as written, and each reason. */
export interface BadRow {
  line: number;
  nip: string;
  errors: string[];
}

export type RosterPreview = { ok: false; headerError: string } | { ok: true; header: RosterHeader; total: number; bad: BadRow[] };

/**
 * A roster file checked in the browser with the API's parser (shared/training/imports/roster.ts),
 * the very code the import worker runs: what it refuses here, the import refuses too, in the same
 * words (`language`: the catalogue of shared/i18n, as the API's answers). What only
 * the table knows (an unregistered NIP, a course already recorded) is found by the import itself.
 */
export function previewRoster(text: string, language: Language, kind?: RosterKind): RosterPreview {
  let parsed: ReturnType<typeof parseRoster>;
  try {
    parsed = parseRoster(text, kind);
  } catch (error) {
    if (error instanceof InvalidInputError) return { ok: false, headerError: error.errors.map((problem) => `${problem.path} ${problem.message}`.trim()).join('; ') };
    throw error;
  }
  const check = parsed.header.kind === 'employees' ? checkEmployeeRow : checkTrainingRow;
  const nipAt = parsed.header.columns.indexOf('nip');
  const bad: BadRow[] = [];
  for (const row of parsed.rows) {
    const result = check(parsed.header, row);
    if (!result.ok) bad.push({ line: row.line, nip: row.fields[nipAt] ?? '', errors: rowErrorsText(result.errors, language) });
  }
  return { ok: true, header: parsed.header, total: parsed.rows.length, bad };
}

/** The API's rejected-rows file (the roster's columns, then `line` and `errors`) as rows to show. */
export function readRejectedCsv(text: string): BadRow[] {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return [];
  const [header = [], ...rows] = parse(body, { delimiter: detectDelimiter(body), skip_empty_lines: true, relax_column_count: true }) as string[][];
  const lineAt = header.lastIndexOf('line');
  const errorsAt = header.lastIndexOf('errors');
  const nipAt = header.findIndex((name) => name.trim().toLowerCase() === 'nip');
  return rows.map((row) => ({ line: Number(row[lineAt]), nip: row[nipAt] ?? '', errors: (row[errorsAt] ?? '').split('; ').filter(Boolean) }));
}

/** The columns a cohort's roster may name, in English or Indonesian (as the import's headers). */
const participantColumns: Record<string, keyof RosterEntry> = {
  nip: 'nip',
  name: 'name',
  nama: 'name',
  agency: 'agency',
  instansi: 'agency',
  'asal instansi': 'agency',
  changeprojecttitle: 'changeProjectTitle',
  'proyek perubahan': 'changeProjectTitle',
  'judul proyek perubahan': 'changeProjectTitle',
};

export interface ParticipantRoster {
  entries: RosterEntry[];
  /** Problems by entry (its position in `entries`), or for the whole roster under -1. */
  problems: Map<number, string[]>;
}

/**
 * A cohort's roster, pasted or picked as CSV (`nip[,name,agency,changeProjectTitle]`, a header
 * row optional when it starts with a NIP), checked with the API's own roster schema before it is sent.
 */
export function readParticipantRoster(text: string, language: Language): ParticipantRoster {
  const body = text.replace(/^\uFEFF/, '').trim();
  const problems = new Map<number, string[]>();
  if (!body) return { entries: [], problems };
  let records: string[][];
  try {
    records = parse(body, { delimiter: detectDelimiter(body), skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (error) {
    // Half-typed text (an open quote): say so instead of failing the page.
    return { entries: [], problems: new Map([[-1, [(error as Error).message]]]) };
  }
  const first = records[0] ?? [];
  const named = first.some((value) => participantColumns[value.toLowerCase()] && !/^\d/.test(value));
  const columns: (keyof RosterEntry | undefined)[] = named ? first.map((value) => participantColumns[value.toLowerCase()]) : ['nip', 'name', 'agency', 'changeProjectTitle'];
  const entries = (named ? records.slice(1) : records).map((record) => {
    const entry: Record<string, string> = {};
    columns.forEach((column, index) => {
      const value = record[index];
      if (column && value) entry[column] = value;
    });
    return entry as unknown as RosterEntry;
  });
  for (const [path, message] of Object.entries(fieldIssues(rosterBody, { participants: entries }, language))) {
    const [, index, field] = /^participants\.(\d+)\.?(.*)$/.exec(path) ?? [];
    const at = index === undefined ? -1 : Number(index);
    problems.set(at, [...(problems.get(at) ?? []), `${field ? `${field} ` : ''}${message}`]);
  }
  return { entries, problems };
}
