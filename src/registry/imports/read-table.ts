// Entry point for reading an imported file: tells xlsx from CSV by content and name.

import { open } from 'node:fs/promises';
import { readCsv } from './csv-reader.ts';
import { readXlsx } from './xlsx-reader.ts';
import { badFile, type Table, type TableFormat, type TableInput } from './types.ts';

async function firstBytes(input: TableInput): Promise<Uint8Array> {
  if (input.buffer) return input.buffer.subarray(0, 8);
  const fh = await open(input.path!, 'r');
  try {
    const buf = Buffer.alloc(8);
    const { bytesRead } = await fh.read(buf, 0, 8, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * The format of a file: a zip (xlsx) by its signature, an old binary .xls or other Office
 * file is refused with a hint, anything else named .csv/.txt is CSV.
 */
export function detectFormat(head: Uint8Array, filename: string): TableFormat {
  const ext = filename.toLowerCase().replace(/^.*\./, '');
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    if (ext === 'csv' || ext === 'txt' || ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
    throw badFile(`不支持的文件类型（.${ext}），请上传 .xlsx 或 .csv 文件`);
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw badFile('不支持旧版 Excel（.xls）格式，请在 Excel 中“另存为” .xlsx 或 CSV 后再导入');
  }
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx' || ext === 'xlsm') throw badFile('文件扩展名为 .xlsx，但内容不是 xlsx 文件');
  throw badFile(`不支持的文件类型（${filename}），请上传 .xlsx 或 .csv 文件`);
}

/** Opens a table and reads its header; rows then stream from `batches()` or `rows()`. */
export async function readTable(input: TableInput): Promise<Table> {
  if (!input.buffer && !input.path) throw new TypeError('readTable needs a path or a buffer');
  const head = await firstBytes(input);
  if (head.length === 0) throw badFile('文件是空的');
  return detectFormat(head, input.filename) === 'xlsx' ? readXlsx(input) : readCsv(input);
}
