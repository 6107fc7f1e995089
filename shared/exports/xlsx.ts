import { strToU8, Zip, ZipDeflate } from 'fflate';
import { guardFormula, type Cell, type Column, type Table } from './table.ts';

/**
 * A streaming XLSX (SpreadsheetML) writer over fflate's streaming ZIP. Rows go out as they come,
 * deflated, so memory holds one page of rows whatever the file's size. Written here because no
 * maintained writer both streams and stays small (bench/RESULTS.md, README "Exports"): exceljs
 * streams but bundles to ~1 MB; write-excel-file and xlsx-write-stream take the rows in memory
 * or lack frozen panes and filters. The parts are the minimum Excel, LibreOffice and Numbers
 * open without repair: inline strings (no shared-string table to hold in memory), one style
 * sheet, a frozen header row with an autofilter on every sheet.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell styles (cellXfs): 0 General, 1 the bold header, 2 text (`@`), 3 date (dd/mm/yyyy, as Indonesia writes dates). */
const STYLE = { header: 1, text: 2, date: 3 } as const;
const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A `YYYY-MM-DD` date as Excel's serial day number (exact from 1900-03-01, after Excel's phantom 29 February 1900). */
export function excelSerial(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH) / 86_400_000;
}

/** Escapes XML's specials and drops the characters XML 1.0 cannot carry at all (a reader turns CRLF into LF, the line break Excel uses in a cell). */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!);
}

/** `xml:space="preserve"` only where it matters (stored text is trimmed): less XML to deflate per cell. */
const inlineString = (ref: string, style: number, text: string) =>
  `<c r="${ref}" s="${style}" t="inlineStr"><is><t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''}>${xmlText(text)}</t></is></c>`;

function cellXml(column: Column, ref: string, cell: Cell): string {
  if (cell === undefined || cell === '') return '';
  if (column.kind === 'date' && typeof cell === 'string') return `<c r="${ref}" s="${STYLE.date}"><v>${excelSerial(cell)}</v></c>`;
  if (column.kind === 'number' && typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
  return inlineString(ref, STYLE.text, guardFormula(String(cell)));
}

function rowXml(columns: readonly Column[], rowNumber: number, cells: readonly Cell[]): string {
  return `<row r="${rowNumber}">${columns.map((column, index) => cellXml(column, `${columnLetter(index)}${rowNumber}`, cells[index])).join('')}</row>`;
}

function sheetStart(columns: readonly Column[]): string {
  const widths = columns.map((column, index) => `<col min="${index + 1}" max="${index + 1}" width="${column.width}" customWidth="1"/>`).join('');
  const header = `<row r="1">${columns.map((column, index) => inlineString(`${columnLetter(index)}1`, STYLE.header, column.header)).join('')}</row>`;
  return (
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    // The header row stays in view while scrolling (a frozen pane below row 1).
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${widths}</cols><sheetData>${header}`
  );
}

/** The header row and every data row: what the autofilter covers. */
const filterRange = (columns: readonly Column[], rows: number) => `$A$1:$${columnLetter(columns.length - 1)}$${rows + 1}`;

const quotedSheet = (name: string) => `'${name.replaceAll("'", "''")}'`;

function workbook(tables: readonly { name: string; columns: readonly Column[] }[], rowCounts: readonly number[]): string {
  const sheets = tables.map((table, index) => `<sheet name="${xmlText(table.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('');
  // Excel keeps each sheet's filter range in this hidden name as well as in <autoFilter>.
  const names = tables
    .map((table, index) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${xmlText(quotedSheet(table.name))}!${filterRange(table.columns, rowCounts[index]!)}</definedName>`)
    .join('');
  return `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets><definedNames>${names}</definedNames></workbook>`;
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${sheets}</Types>`
  );
}

function workbookRelations(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, index) => `<Relationship Id="rId${index + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`).join('');
  return `${XML}<Relationships xmlns="${PKG_REL}">${sheets}<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
}

const ROOT_RELATIONS = `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export interface TableWriter {
  /** Adds rows to table `table` (its index in the definition). */
  rows(table: number, rows: readonly Cell[][]): void;
  /** Closes the file; every byte has been handed to `out` when it returns. */
  end(): void;
}

/** Writes an XLSX of `tables`, handing each compressed chunk to `out` as it is made. */
export function xlsxWriter(tables: readonly Pick<Table<unknown>, 'name' | 'columns'>[], out: (chunk: Uint8Array) => void): TableWriter {
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out(chunk);
  });
  const whole = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 1 });
    zip.add(file);
    file.push(strToU8(text), true);
  };
  whole('[Content_Types].xml', contentTypes(tables.length));
  whole('_rels/.rels', ROOT_RELATIONS);
  whole('xl/_rels/workbook.xml.rels', workbookRelations(tables.length));
  whole('xl/styles.xml', STYLES);
  // Sheets after the first are compressed as they come and held by the ZIP until the one before closes.
  const sheets = tables.map((table, index) => {
    const file = new ZipDeflate(`xl/worksheets/sheet${index + 1}.xml`, { level: 1 });
    zip.add(file);
    file.push(strToU8(sheetStart(table.columns)));
    return { file, columns: table.columns, rows: 0 };
  });
  const check = () => {
    if (failure) throw failure;
  };
  return {
    rows(table, rows) {
      const sheet = sheets[table]!;
      let xml = '';
      for (const cells of rows) xml += rowXml(sheet.columns, ++sheet.rows + 1, cells);
      if (xml) sheet.file.push(strToU8(xml));
      check();
    },
    end() {
      for (const sheet of sheets) {
        sheet.file.push(strToU8(`</sheetData><autoFilter ref="${filterRange(sheet.columns, sheet.rows).replaceAll('$', '')}"/></worksheet>`), true);
      }
      whole('xl/workbook.xml', workbook(tables, sheets.map((sheet) => sheet.rows)));
      zip.end();
      check();
    },
  };
}
