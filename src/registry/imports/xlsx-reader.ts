// Streaming xlsx reader: the first visible worksheet (in tab order), its first non-empty row as
// the header, the following rows as text cells in batches. The zip is read through its central
// directory (xlsx/package.ts), so the shared strings and styles are known before the sheet,
// whatever order the writing program stored them in; the sheet's XML is inflated and scanned
// as it streams (xlsx/sheet-scanner.ts).
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { openXlsxPackage, type XlsxPackage } from './xlsx/package.ts';
import { SheetScanner } from './xlsx/sheet-scanner.ts';
import { badFile, DEFAULT_BATCH_ROWS, ImportFileError, type Table, type TableInput, type TableRow } from './types.ts';

/** Rows of a sheet's text, a piece at a time. */
async function* sheetRows(xml: Readable, scanner: SheetScanner): AsyncGenerator<TableRow[]> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of xml) yield scanner.push(decoder.write(chunk as Buffer));
  yield scanner.push(decoder.end());
  yield scanner.end();
}

export async function readXlsx(input: TableInput): Promise<Table> {
  const bytesTotal = input.buffer ? input.buffer.length : (await stat(input.path!)).size;
  let pkg: XlsxPackage;
  try {
    pkg = await openXlsxPackage(input);
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw badFile('不是有效的 xlsx 文件，请用 Excel 打开后重新保存再导入', e);
  }
  const sheet = pkg.sheets.find((s) => s.visible) ?? pkg.sheets[0];
  if (!sheet) {
    pkg.close();
    throw badFile('找不到工作表');
  }
  // Everything but the sheet is read by now; the progress counts the sheet's compressed bytes.
  let bytesRead = Math.max(0, bytesTotal - pkg.compressedSize(sheet.path));
  let xml: Readable;
  try {
    xml = await pkg.stream(sheet.path, (n) => (bytesRead += n));
  } catch (e) {
    pkg.close();
    throw badFile('不是有效的 xlsx 文件，请用 Excel 打开后重新保存再导入', e);
  }
  const pieces = sheetRows(xml, new SheetScanner({ sharedStrings: pkg.sharedStrings, dateStyles: pkg.dateStyles, date1904: pkg.date1904 }));

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    xml.destroy();
    pkg.close();
  };
  const pending: TableRow[] = [];
  const fill = async (): Promise<boolean> => {
    const next = await pieces.next();
    if (next.done) return false;
    pending.push(...next.value);
    return true;
  };

  let header: TableRow | undefined;
  try {
    while (!header) {
      if (pending.length === 0 && !(await fill())) break;
      header = pending.shift();
    }
  } catch (e) {
    await close();
    throw badFile('xlsx 文件内容损坏，请用 Excel 打开后重新保存再导入', e);
  }
  if (!header) {
    await close();
    throw badFile(`工作表“${sheet.name}”是空的，没有表头行`);
  }

  let consumed = false;
  async function* batches(): AsyncGenerator<TableRow[]> {
    if (consumed) throw new Error('table rows can be read only once');
    consumed = true;
    const batchRows = input.batchRows ?? DEFAULT_BATCH_ROWS;
    try {
      for (;;) {
        while (pending.length >= batchRows) {
          if (closed) return;
          yield pending.splice(0, batchRows);
        }
        if (closed || !(await fill())) break;
      }
    } catch (e) {
      if (closed) return;
      throw badFile('xlsx 文件内容损坏，请用 Excel 打开后重新保存再导入', e);
    }
    if (pending.length > 0 && !closed) yield pending.splice(0);
    bytesRead = bytesTotal;
    await close();
  }

  return {
    format: 'xlsx',
    encoding: null,
    sheetName: sheet.name,
    headerLine: header.line,
    headers: header.cells.map((h) => h.trim()),
    batches,
    async *rows() {
      for await (const batch of batches()) yield* batch;
    },
    progress: () => ({ bytesRead: Math.min(bytesRead, bytesTotal), bytesTotal }),
    close,
  };
}
