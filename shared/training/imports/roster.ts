import { parse } from 'csv-parse/sync';
import { fieldError, InvalidInputError, type FieldError } from '../../errors.ts';
import { keyText } from '../../text.ts';
import { fieldErrors } from '../../validation.ts';
import { employeeBody, nip as nipSchema, trainingBody, type EmployeeInput, type TrainingInput } from '../schemas.ts';

/**
 * The one parser of roster files, for the synchronous `POST /trainings/import` and the background
 * imports alike. It reads what Indonesian spreadsheets write: `;` or `,` between values (Excel
 * with Indonesian regional settings writes `;`), UTF-8 with or without a BOM, CRLF, Indonesian
 * column names in any order, `dd/mm/yyyy` dates beside ISO ones, decimal commas in hours, and
 * `Klasikal`/`Nonklasikal` beside the method codes.
 */
export type RosterKind = 'trainings' | 'employees';
export const rosterKinds = ['trainings', 'employees'] as const;

/** Each column by its API name, with the names people write in its header (compared through keyText). */
const columnNames = {
  trainings: {
    nip: ['nip'],
    title: ['title', 'judul', 'nama pelatihan', 'nama diklat', 'pelatihan'],
    provider: ['provider', 'penyelenggara'],
    method: ['method', 'metode', 'jenis'],
    startsOn: ['startsOn', 'tanggal mulai', 'tgl mulai', 'mulai'],
    endsOn: ['endsOn', 'tanggal selesai', 'tgl selesai', 'selesai'],
    hours: ['hours', 'jam', 'jumlah jam', 'jam pelatihan'],
    agreementId: ['agreementId', 'id kerja sama', 'kerja sama'],
    certificateNumber: ['certificateNumber', 'nomor sertifikat', 'no sertifikat', 'no. sertifikat', 'sertifikat'],
  },
  employees: {
    nip: ['nip'],
    name: ['name', 'nama', 'nama pegawai', 'nama lengkap'],
    unit: ['unit', 'unit kerja', 'perangkat daerah', 'opd', 'satuan kerja'],
    position: ['position', 'jabatan'],
    email: ['email', 'e-mail', 'surel'],
    supervisorEmail: ['supervisorEmail', 'email atasan', 'e-mail atasan', 'surel atasan'],
  },
} as const satisfies Record<RosterKind, Record<string, readonly string[]>>;

const requiredColumns: Record<RosterKind, readonly string[]> = {
  trainings: ['nip', 'title', 'provider', 'method', 'startsOn', 'endsOn', 'hours'],
  employees: ['nip', 'name', 'unit', 'email'],
};

/** The column names of a kind as the API writes them (the example files' headers). */
export const rosterColumns = (kind: RosterKind): string[] => Object.keys(columnNames[kind]);

const columnOf = (kind: RosterKind, header: string): string | undefined => {
  const wanted = keyText(header);
  return Object.entries(columnNames[kind] as Record<string, readonly string[]>).find(([, names]) => names.some((name) => keyText(name) === wanted))?.[0];
};

export interface RosterHeader {
  kind: RosterKind;
  delimiter: ';' | ',';
  /** The header's names as written in the file (the rejected-rows file repeats them). */
  names: string[];
  /** The API column of each position in the file. */
  columns: string[];
}

export interface RosterRow {
  /** The line of the file the row starts on (1 is the header). */
  line: number;
  /** The values as written, in the file's order. */
  fields: string[];
}

export interface ParsedRoster {
  header: RosterHeader;
  rows: RosterRow[];
}

/** The delimiter of the header line: `;` when it has more of them than commas outside quotes. */
export function detectDelimiter(text: string): ';' | ',' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const outside = firstLine.replace(/"[^"]*"/g, '');
  const count = (character: string) => outside.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** Reads the header and every row; a file that is not CSV, or whose header is unusable, is one InvalidInputError. */
export function parseRoster(text: string, expected?: RosterKind): ParsedRoster {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(body);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, { delimiter, info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    throw new InvalidInputError([{ path: '', message: `is not valid CSV (${(error as Error).message})` }]);
  }
  const [first, ...data] = records;
  const header = readHeader(first?.record ?? [], delimiter, expected);
  return { header, rows: data.map(({ record, info }) => ({ line: info.lines, fields: record })) };
}

/** The header alone (the first line), checked before a file is accepted for the background. */
export function readRosterHeader(text: string, expected?: RosterKind): RosterHeader {
  return parseRoster(text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '', expected).header;
}

/** The kind a header names: given, or the one whose required columns it has (employees have no `title`). */
function readHeader(names: string[], delimiter: ';' | ',', expected?: RosterKind): RosterHeader {
  const kind = expected ?? (names.some((name) => columnOf('trainings', name) === 'title') ? 'trainings' : names.some((name) => columnOf('employees', name) === 'name') ? 'employees' : 'trainings');
  const columns = names.map((name) => columnOf(kind, name) ?? '');
  const unknown = names.filter((_, index) => columns[index] === '');
  const missing = requiredColumns[kind].filter((column) => !columns.includes(column));
  const repeated = columns.filter((column, index) => column !== '' && columns.indexOf(column) !== index);
  const problems = [
    unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map(quoted).join(', ')}` : '',
    missing.length ? `missing ${missing.join(', ')}` : '',
    repeated.length ? `${[...new Set(repeated)].join(', ')} given twice` : '',
  ].filter(Boolean);
  if (problems.length) {
    const accepted = Object.entries(columnNames[kind]).map(([column, words]) => `${column} (${words.slice(1).join(', ') || column})`);
    throw new InvalidInputError([
      { path: 'header', message: `of a ${kind} roster must name the columns ${rosterColumns(kind).join(',')} (${problems.join('; ')}); accepted names: ${accepted.join('; ')}` },
    ]);
  }
  return { kind, delimiter, names, columns };
}

export const quoted = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** A validated row, ready for a writer; or the reasons it is refused, each naming its column. */
export type RowCheck<T> = { ok: true; entry: T } | { ok: false; errors: FieldError[] };
export type TrainingEntry = TrainingInput & { nip: string };
export type EmployeeEntry = EmployeeInput & { nip: string };

/**
 * Hours as people type them: a plain decimal with a point or an Indonesian decimal comma (`7.5`,
 * `7,5`), at most two decimals (hours are quarters). Not `1e1` or `0x8`, which Number() would
 * read as 10 and 8.
 */
const PLAIN_HOURS = /^\d{1,5}(?:[.,]\d{1,2})?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const EXCEL_NUMBER = /^\d(?:[.,]\d+)?e\+?\d+$/i;

/** The method codes and the Indonesian words for them. */
const methodWords: Record<string, TrainingInput['method']> = {
  classical: 'CLASSICAL',
  klasikal: 'CLASSICAL',
  non_classical: 'NON_CLASSICAL',
  nonklasikal: 'NON_CLASSICAL',
  'non klasikal': 'NON_CLASSICAL',
  'non-klasikal': 'NON_CLASSICAL',
};
const ACCEPTED_METHODS = 'CLASSICAL, NON_CLASSICAL, Klasikal, Nonklasikal (or Non-klasikal)';

/** `12/08/2026` (day first, as Indonesia writes it) → `2026-08-12`; ISO dates pass as they are. */
export function isoDate(value: string): string {
  const match = DAY_MONTH_YEAR.exec(value);
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : value;
}

/**
 * A NIP that Excel stored as a number: shown as `1.98609E+17`, or saved with only its first 15
 * digits kept (Excel's precision) and zeros after them. No NIP ends in `000` (the sequence
 * number starts at 001), so such a number was rounded, not typed.
 */
export function excelNipProblem(value: string): FieldError | undefined {
  if (EXCEL_NUMBER.test(value) || (/^\d{18}$/.test(value) && value.endsWith('000'))) return fieldError('nip', 'NIP_EXCEL_ROUNDED', { value: quoted(value) });
  return undefined;
}

function valuesOf(header: RosterHeader, row: RosterRow): { values: Record<string, string>; extra: string[] } {
  const values: Record<string, string> = {};
  header.columns.forEach((column, index) => (values[column] = row.fields[index] ?? ''));
  return { values, extra: row.fields.slice(header.columns.length) };
}

function commonProblems(header: RosterHeader, nip: string, extra: string[]): FieldError[] {
  const extraProblem: FieldError[] = extra.some((value) => value !== '')
    ? [
        fieldError('', 'ROW_EXTRA_VALUES', {
          count: extra.length,
          columns: header.columns.length,
          values: extra.map(quoted).join(', '),
          delimiter: { code: header.delimiter === ';' ? 'DELIMITER_SEMICOLON' : 'DELIMITER_COMMA' },
        }),
      ]
    : [];
  const excel = excelNipProblem(nip);
  if (excel) return [...extraProblem, excel];
  const check = nipSchema.safeParse(nip, { reportInput: true });
  return [...extraProblem, ...(check.success ? [] : fieldErrors(check.error.issues, ['nip']))];
}

export function checkTrainingRow(header: RosterHeader, row: RosterRow): RowCheck<TrainingEntry> {
  const { values, extra } = valuesOf(header, row);
  const { nip = '', hours = '', method = '', startsOn = '', endsOn = '', agreementId, certificateNumber, title, provider } = values;
  const hoursValid = hours === '' || PLAIN_HOURS.test(hours);
  const methodCode = method === '' ? undefined : methodWords[keyText(method)];
  const candidate = {
    title,
    provider,
    method: methodCode ?? (method === '' ? undefined : 'UNKNOWN'),
    startsOn: isoDate(startsOn),
    endsOn: isoDate(endsOn),
    hours: hours === '' || !hoursValid ? undefined : Number(hours.replace(',', '.')),
    ...(agreementId ? { agreementId } : {}),
    ...(certificateNumber ? { certificateNumber } : {}),
  };
  const body = trainingBody.safeParse(candidate, { reportInput: true });
  const problems = [
    ...commonProblems(header, nip, extra),
    ...(hoursValid ? [] : [fieldError('hours', 'ROSTER_HOURS_FORMAT', { value: quoted(hours) })]),
    ...(methodCode || method === '' ? [] : [fieldError('method', 'ROSTER_METHOD_UNKNOWN', { accepted: ACCEPTED_METHODS, value: quoted(method) })]),
    ...(body.success
      ? []
      : fieldErrors(body.error.issues)
          .filter((problem) => (hoursValid || problem.path !== 'hours') && (methodCode || method === '' || problem.path !== 'method'))
          // A roster may write dates day first too.
          .map((problem) => (problem.code === 'DATE_INVALID' ? fieldError(problem.path, 'ROSTER_DATE_INVALID') : problem))),
  ];
  if (problems.length || !body.success) return { ok: false, errors: problems.length ? problems : [fieldError('', 'ROW_NOT_A_TRAINING')] };
  return { ok: true, entry: { nip, ...body.data } };
}

export function checkEmployeeRow(header: RosterHeader, row: RosterRow): RowCheck<EmployeeEntry> {
  const { values, extra } = valuesOf(header, row);
  const { nip = '', name, unit, email, position, supervisorEmail } = values;
  const candidate = { name, unit, email, ...(position ? { position } : {}), ...(supervisorEmail ? { supervisorEmail } : {}) };
  const body = employeeBody.safeParse(candidate, { reportInput: true });
  const problems = [...commonProblems(header, nip, extra), ...(body.success ? [] : fieldErrors(body.error.issues))];
  if (problems.length || !body.success) return { ok: false, errors: problems.length ? problems : [fieldError('', 'ROW_NOT_AN_EMPLOYEE')] };
  return { ok: true, entry: { nip, ...body.data } };
}
