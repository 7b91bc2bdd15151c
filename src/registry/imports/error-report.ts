// The xlsx of rejected rows given back to the user: 行号, the original columns as they were
// (text cells, so ID numbers survive), and 错误原因. The user can correct the rows in this
// file and import it again: 行号 and 错误原因 are then reported as unknown columns and ignored.

import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface RejectedRow {
  line: number;
  cells: readonly string[];
  reasons: readonly string[];
}

export const LINE_HEADER = '行号';
export const REASON_HEADER = '错误原因';
export const REASON_SEPARATOR = '；';
const SHEET_NAME = '错误行';
/** Excel's limit for the text of one cell. */
const MAX_CELL_CHARS = 32_767;

function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return w;
}

/**
 * Streams the report to `output` (a file or an HTTP response) with ExcelJS's streaming writer,
 * so memory stays flat whatever the number of rows. Cells beyond the header are left out (the
 * reason for such a row quotes them).
 */
export async function streamErrorReport(
  output: Writable,
  headers: readonly string[],
  rejected: Iterable<RejectedRow> | AsyncIterable<RejectedRow>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const text = { numFmt: '@' };
  ws.columns = [
    { key: 'line', width: 8 },
    ...headers.map((h) => ({ width: Math.min(40, Math.max(10, widthOf(h) + 4)), style: text })),
    { width: 80, style: text },
  ];
  const header = ws.addRow([LINE_HEADER, ...headers, REASON_HEADER]);
  header.font = { bold: true };
  header.commit();
  const n = headers.length;
  for await (const row of rejected) {
    const values: (string | number)[] = new Array(n + 2);
    values[0] = row.line;
    for (let i = 0; i < n; i++) values[i + 1] = row.cells[i] ?? '';
    values[n + 1] = row.reasons.join(REASON_SEPARATOR).slice(0, MAX_CELL_CHARS);
    ws.addRow(values).commit();
  }
  ws.commit();
  await wb.commit();
}

/** The report as bytes in memory (100,000 rows make a few MB). */
export async function buildErrorReport(
  headers: readonly string[],
  rejected: Iterable<RejectedRow> | AsyncIterable<RejectedRow>,
): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await streamErrorReport(sink, headers, rejected);
  await ended;
  return Buffer.concat(chunks);
}
