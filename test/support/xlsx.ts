import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';

/** An XLSX opened by an independent reader (exceljs), as a spreadsheet program would. */
export async function openXlsx(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The raw XML parts of an XLSX, by path: for what readers normalise away (inline strings, defined names). */
export function xlsxParts(bytes: Buffer | Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => [name, strFromU8(data)]));
}
