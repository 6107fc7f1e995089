import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, csvWriter } from '../../shared/exports/csv.ts';
import { guardFormula, type Cell, type Column } from '../../shared/exports/table.ts';
import { columnLetter, excelSerial, xlsxWriter } from '../../shared/exports/xlsx.ts';
import { openXlsx, xlsxParts } from '../support/xlsx.ts';

const columns: Column[] = [
  { header: 'NIP', kind: 'text', width: 21 },
  { header: 'Nama', kind: 'text', width: 30 },
  { header: 'Tanggal Mulai', kind: 'date', width: 14 },
  { header: 'Jam Pelatihan', kind: 'number', width: 12 },
];
const rows: Cell[][] = [
  ['198609262015051001', 'Budi, "Santoso"\r\nDinas Kesehatan', '2026-08-12', 40.25],
  ['198701012010012002', '=HYPERLINK("http://evil")', undefined, 0],
];

function write(format: 'csv' | 'xlsx', tables: { name: string; columns: Column[] }[], batches: [number, Cell[][]][]): Buffer {
  const chunks: Uint8Array[] = [];
  const writer = (format === 'csv' ? csvWriter : xlsxWriter)(tables, (chunk) => chunks.push(chunk));
  for (const [table, rows] of batches) writer.rows(table, rows);
  writer.end();
  return Buffer.concat(chunks);
}

describe('the XLSX writer, read back by exceljs', () => {
  const tables = [
    { name: 'Pelatihan', columns },
    { name: "Mitra's", columns: [{ header: 'Mitra', kind: 'text' as const, width: 40 }] },
  ];
  // Rows arrive in pages, and the second sheet's pages interleave with the first's.
  const file = write('xlsx', tables, [[0, rows.slice(0, 1)], [1, [['Lemhannas RI']]], [0, rows.slice(1)], [1, [['-1 partner']]]]);

  it('keeps an 18-digit NIP as a text cell formatted as text', async () => {
    const sheet = (await openXlsx(file)).getWorksheet('Pelatihan')!;
    const nip = sheet.getCell('A2');
    expect(nip.type).toBe(ExcelJS.ValueType.String);
    expect(nip.value).toBe('198609262015051001');
    expect(nip.numFmt).toBe('@');
  });

  it('writes dates as date-formatted serial numbers and hours as numbers', async () => {
    const sheet = (await openXlsx(file)).getWorksheet('Pelatihan')!;
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.Date);
    expect(sheet.getCell('C2').numFmt).toBe('dd/mm/yyyy');
    expect((sheet.getCell('C2').value as Date).toISOString()).toBe('2026-08-12T00:00:00.000Z');
    expect(sheet.getCell('C3').type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.getCell('D2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('D2').value).toBe(40.25);
    expect(sheet.getCell('D3').value).toBe(0);
    expect(xlsxParts(file)['xl/worksheets/sheet1.xml']).toContain('<c r="C2" s="3"><v>46246</v></c>');
  });

  it('freezes a bold header row, filters it, and sizes the columns', async () => {
    const workbook = await openXlsx(file);
    const sheet = workbook.getWorksheet('Pelatihan')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'NIP', 'Nama', 'Tanggal Mulai', 'Jam Pelatihan']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:D3');
    expect(sheet.getColumn(1).width).toBe(21);
    expect(xlsxParts(file)['xl/workbook.xml']).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Pelatihan'!$A$1:$D$3</definedName>`);
  });

  it('writes one sheet per table, each with its own rows and filter', async () => {
    const workbook = await openXlsx(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Pelatihan', "Mitra's"]);
    const partners = workbook.getWorksheet("Mitra's")!;
    expect(partners.getColumn(1).values).toEqual([undefined, 'Mitra', 'Lemhannas RI', "'-1 partner"]);
    expect(partners.autoFilter).toBe('A1:A3');
    expect(xlsxParts(file)['xl/workbook.xml']).toContain(`'Mitra''s'!$A$1:$A$3`);
  });

  it('keeps text and quotes, a line break as the LF Excel uses in a cell, and neutralises a formula', async () => {
    const sheet = (await openXlsx(file)).getWorksheet('Pelatihan')!;
    expect(sheet.getCell('B2').value).toBe('Budi, "Santoso"\nDinas Kesehatan');
    expect(sheet.getCell('B3').value).toBe(`'=HYPERLINK("http://evil")`);
    expect(sheet.getCell('B3').type).toBe(ExcelJS.ValueType.String);
  });

  it('writes a valid file with a header only when nothing matches', async () => {
    const sheet = (await openXlsx(write('xlsx', [{ name: 'Kosong', columns }], []))).getWorksheet('Kosong')!;
    expect(sheet.rowCount).toBe(1);
    expect(sheet.autoFilter).toBe('A1:D1');
  });
});

describe('the CSV writer', () => {
  const file = write('csv', [{ name: 'Pelatihan', columns }, { name: 'Mitra', columns }], [[0, rows], [1, [['ignored']]]]);
  const text = file.toString('utf8');

  it('starts with the UTF-8 BOM and ends every record with CRLF', () => {
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith(`${BOM}NIP,Nama,Tanggal Mulai,Jam Pelatihan\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('quotes as RFC 4180 says, guards formulas, and carries only the first table', () => {
    expect(text).toContain('198609262015051001,"Budi, ""Santoso""\r\nDinas Kesehatan",2026-08-12,40.25\r\n');
    expect(text).toContain(`198701012010012002,"'=HYPERLINK(""http://evil"")",,0\r\n`);
    expect(text).not.toContain('ignored');
    expect(parse(text, { bom: true, columns: true })).toHaveLength(2);
  });

  it('round-trips any text through a CSV parser (guarded where a formula could start)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 5 }), (texts) => {
        const textColumns: Column[] = [{ header: 'a', kind: 'text', width: 1 }, { header: 'b', kind: 'text', width: 1 }];
        const csv = write('csv', [{ name: 't', columns: textColumns }], [[0, texts]]).toString('utf8');
        const parsed = parse(csv, { bom: true, relax_column_count: false }) as string[][];
        expect(parsed.slice(1)).toEqual(texts.map((row) => row.map((value) => guardFormula(value))));
      }),
    );
  });
});

describe('cell helpers', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it("counts dates in Excel's serial days", () => {
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2026-01-28')).toBe(46050);
  });

  it('prefixes only what a spreadsheet would evaluate', () => {
    expect(['=1+1', '+62 21', '-5', '@SUM(A1)', '\tx', '\rx', 'Dinas', '1-2', ''].map(guardFormula)).toEqual([
      "'=1+1",
      "'+62 21",
      "'-5",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'Dinas',
      '1-2',
      '',
    ]);
  });
});
