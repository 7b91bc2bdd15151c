import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from './read-table.ts';
import { numberText } from './xlsx-cell.ts';
import { ImportFileError, type Table, type TableRow } from './types.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function allRows(table: Table): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const batch of table.batches()) rows.push(...batch);
  return rows;
}

/** A workbook as offices make them: a hidden sheet first, dates, numbers, rich text, formulas. */
async function officeWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const hidden = wb.addWorksheet('说明', { state: 'hidden' });
  hidden.addRow(['这张表不应被读取']);
  const ws = wb.addWorksheet('人员');
  ws.addRow(['公民身份号码', '姓名', '出生日期', '户籍地', '联系电话', '备注']);
  const r2 = ws.addRow([
    '11010519491231002X',
    { richText: [{ text: '李' }, { font: { bold: true }, text: '秀英' }] },
    new Date(Date.UTC(1949, 11, 31)),
    510703001001,
    13800000000,
    { formula: '1+1', result: 2 },
  ]);
  r2.getCell(3).numFmt = 'yyyy-mm-dd';
  ws.addRow([]); // row 3 empty
  const r4 = ws.addRow([
    110105194912310021, // an 18-digit ID typed as a number: precision already lost
    { text: '徐秀敏', hyperlink: 'https://example.org' },
    29281, // a date whose date format was lost: a plain number
    '510703001001',
    true,
    { error: '#N/A' },
  ]);
  r4.getCell(3).numFmt = 'General';
  ws.addRow([' 郭桂 ', '', new Date(Date.UTC(1980, 2, 1, 14, 30)), '', 0.1 + 0.2, 1e-7]).getCell(3).numFmt = 'yyyy-mm-dd hh:mm';
  wb.addWorksheet('另一张').addRow(['也不应被读取']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readTable on xlsx', () => {
  it('reads the first visible sheet with dates, full numbers, flattened rich text', async () => {
    const file = path.join(dir, 'office.xlsx');
    fs.writeFileSync(file, await officeWorkbook());
    const table = await readTable({ path: file, filename: 'office.xlsx' });
    expect(table.format).toBe('xlsx');
    expect(table.encoding).toBeNull();
    expect(table.sheetName).toBe('人员');
    expect(table.headerLine).toBe(1);
    expect(table.headers).toEqual(['公民身份号码', '姓名', '出生日期', '户籍地', '联系电话', '备注']);
    const rows = await allRows(table);
    expect(rows).toEqual([
      { line: 2, cells: ['11010519491231002X', '李秀英', '1949-12-31', '510703001001', '13800000000', '2'], numeric: [3, 4, 5] },
      { line: 4, cells: ['110105194912310020', '徐秀敏', '29281', '510703001001', 'TRUE', '#N/A'], numeric: [0, 2] },
      { line: 5, cells: [' 郭桂 ', '', '1980-03-01 14:30:00', '', '0.3', '0.0000001'], numeric: [4, 5] },
    ]);
    expect(table.progress().bytesRead).toBe(table.progress().bytesTotal);
  });

  it('reads from a buffer, in batches, skipping empty rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['id', 'name']);
    for (let i = 0; i < 45; i++) ws.addRow(i % 10 === 9 ? [] : [String(i), `n${i}`]);
    const table = await readTable({ buffer: Buffer.from(await wb.xlsx.writeBuffer()), filename: 'b.xlsx', batchRows: 20 });
    const sizes: number[] = [];
    const rows: TableRow[] = [];
    for await (const batch of table.batches()) {
      sizes.push(batch.length);
      rows.push(...batch);
    }
    expect(sizes).toEqual([20, 20, 1]); // 45 rows, 4 of them empty
    expect(rows[0]).toEqual({ line: 2, cells: ['0', 'n0'] });
    expect(rows.at(-1)).toEqual({ line: 46, cells: ['44', 'n44'] });
  });

  it('stops early when closed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['id']);
    for (let i = 0; i < 5000; i++) ws.addRow([String(i)]);
    const table = await readTable({ buffer: Buffer.from(await wb.xlsx.writeBuffer()), filename: 'c.xlsx', batchRows: 100 });
    let batches = 0;
    for await (const batch of table.batches()) {
      batches++;
      expect(batch).toHaveLength(100);
      await table.close();
    }
    expect(batches).toBe(1);
    await table.close();
  });

  it('reports a sheet with nothing in it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空表');
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(readTable({ buffer, filename: 'e.xlsx' })).rejects.toThrow(/工作表“空表”是空的/);
  });

  it('reports a damaged zip as a bad file', async () => {
    const buffer = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const e = await readTable({ buffer, filename: 'broken.xlsx' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportFileError);
    expect((e as ImportFileError).code).toBe('import.bad_file');
    expect((e as ImportFileError).message).toBe('文件无法读取：不是有效的 xlsx 文件，请用 Excel 打开后重新保存再导入');
    expect((e as ImportFileError).cause).toBeInstanceOf(Error);
  });
});

describe('cell texts', () => {
  it.each([
    [510703001001, '510703001001'],
    [110105194912310020, '110105194912310020'],
    [1e21, '1000000000000000000000'],
    [0.30000000000000004, '0.3'],
    [-12.5, '-12.5'],
    [1e-7, '0.0000001'],
    [Number.NaN, ''],
  ])('numberText(%s) = %s', (n, expected) => {
    expect(numberText(n)).toBe(expected);
  });
});
