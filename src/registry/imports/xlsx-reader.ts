// Streaming xlsx reader on ExcelJS's WorkbookReader: the first visible worksheet, its first
// non-empty row as the header, the following rows as text cells in batches.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellNumber, cellText, numberText } from './xlsx-cell.ts';
import { badFile, DEFAULT_BATCH_ROWS, type Table, type TableInput, type TableRow } from './types.ts';

// The parts of ExcelJS's streaming reader that are used here (its typings are incomplete).
interface SheetModel {
  name: string;
  state?: string;
}
interface StreamRow {
  number: number;
  values: unknown[];
}
interface StreamWorksheet extends AsyncIterable<StreamRow> {
  name: string;
}
interface StreamWorkbook extends AsyncIterable<StreamWorksheet> {
  model?: { sheets?: SheetModel[] };
}

function toStream(input: TableInput, onBytes: (n: number) => void): Readable {
  const stream = input.buffer
    ? Readable.from(
        (function* () {
          const b = input.buffer!;
          for (let i = 0; i < b.length; i += 1 << 20) yield b.subarray(i, i + (1 << 20));
        })(),
      )
    : createReadStream(input.path!, { highWaterMark: 1 << 20 });
  stream.on('data', (chunk: Buffer) => onBytes(chunk.length));
  return stream;
}

/** Converts one ExcelJS row; null when every cell is empty. */
export function convertRow(row: StreamRow): TableRow | null {
  const values = row.values;
  const n = values.length - 1;
  if (n <= 0) return null;
  const cells: string[] = new Array(n);
  let numeric: number[] | undefined;
  let empty = true;
  for (let c = 1; c <= n; c++) {
    const v = values[c];
    let text: string;
    if (typeof v === 'string') {
      text = v;
    } else {
      const num = cellNumber(v);
      if (num !== undefined) {
        text = numberText(num);
        (numeric ??= []).push(c - 1);
      } else {
        text = cellText(v);
      }
    }
    cells[c - 1] = text;
    if (empty && text.length > 0 && text.trim().length > 0) empty = false;
  }
  if (empty) return null;
  return numeric ? { line: row.number, cells, numeric } : { line: row.number, cells };
}

/**
 * Whether a worksheet met in the zip is the one to read: the first visible sheet in tab order.
 * A sheet ExcelJS could not name (its relationship written in an unusual form) is taken too,
 * rather than skipping the data.
 */
function isWantedSheet(wb: StreamWorkbook, sheet: StreamWorksheet): boolean {
  const sheets = wb.model?.sheets;
  if (!sheets || sheets.length === 0) return true;
  const wanted = (sheets.find((s) => !s.state || s.state === 'visible') ?? sheets[0]).name;
  return sheet.name === wanted || !sheets.some((s) => s.name === sheet.name);
}

export async function readXlsx(input: TableInput): Promise<Table> {
  const bytesTotal = input.buffer ? input.buffer.length : (await stat(input.path!)).size;
  let bytesRead = 0;
  const stream = toStream(input, (n) => (bytesRead += n));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to recognise date-formatted cells
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as StreamWorkbook;

  const sheetIter = reader[Symbol.asyncIterator]();
  let sheet: StreamWorksheet | null = null;
  let rowIter: AsyncIterator<StreamRow> | null = null;
  let header: TableRow | null = null;
  try {
    for (;;) {
      const next = await sheetIter.next();
      if (next.done) break;
      if (!isWantedSheet(reader, next.value)) continue; // ExcelJS drains skipped sheets
      sheet = next.value;
      rowIter = sheet[Symbol.asyncIterator]();
      for (;;) {
        const r = await rowIter.next();
        if (r.done) break;
        header = convertRow(r.value);
        if (header) break;
      }
      break;
    }
  } catch (e) {
    stream.destroy();
    throw badFile('不是有效的 xlsx 文件，请用 Excel 打开后重新保存再导入', e);
  }
  if (!sheet || !rowIter) {
    stream.destroy();
    throw badFile('找不到工作表');
  }
  if (!header) {
    stream.destroy();
    throw badFile(`工作表“${sheet.name}”是空的，没有表头行`);
  }

  const rows = rowIter;
  let consumed = false;
  let closed = false;
  async function* batches(): AsyncGenerator<TableRow[]> {
    if (consumed) throw new Error('table rows can be read only once');
    consumed = true;
    const batchRows = input.batchRows ?? DEFAULT_BATCH_ROWS;
    let batch: TableRow[] = [];
    try {
      while (!closed) {
        const r = await rows.next();
        if (r.done) break;
        const row = convertRow(r.value);
        if (row === null) continue;
        batch.push(row);
        if (batch.length >= batchRows) {
          yield batch;
          batch = [];
        }
      }
    } catch (e) {
      if (closed) return;
      throw badFile('xlsx 文件内容损坏，请用 Excel 打开后重新保存再导入', e);
    }
    if (batch.length > 0) yield batch;
    // Let ExcelJS finish the zip so that its temporary files are removed.
    while (!closed && !(await sheetIter.next()).done) {
      /* skip later sheets */
    }
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
    progress: () => ({ bytesRead, bytesTotal }),
    async close() {
      if (closed) return;
      closed = true;
      stream.destroy();
    },
  };
}
