import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { mapColumns } from './columns.ts';
import { buildErrorReport, streamErrorReport, type RejectedRow } from './error-report.ts';
import { readTable } from './read-table.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-report-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADERS = ['公民身份号码', '姓名', '性别', '出生日期', '户籍地'];
const REJECTED: RejectedRow[] = [
  { line: 3, cells: ['110105194912310021', '李秀英', '女', '1949-12-31', '510703001001'], reasons: ['公民身份号码校验位错误（应为X）：110105194912310021'] },
  { line: 7, cells: ['000123', '=1+1', '男女', '1980-02-30'], reasons: ['性别无法识别：男女（应为男/女或1/2）', '出生日期格式错误：1980-02-30'] },
];

async function load(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('buildErrorReport', () => {
  it('writes 行号, the original columns as text, and 错误原因', async () => {
    const ws = await load(await buildErrorReport(HEADERS, REJECTED));
    expect(ws.getRow(1).values).toEqual([undefined, '行号', ...HEADERS, '错误原因']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(2).values).toEqual([undefined, 3, ...REJECTED[0].cells, REJECTED[0].reasons[0]]);
    // Text stays text: leading zeros, long digit strings and formula-like text are not interpreted.
    const row3 = ws.getRow(3);
    expect(row3.getCell(1).value).toBe(7);
    expect(row3.getCell(2).value).toBe('000123');
    expect(row3.getCell(3).value).toBe('=1+1');
    expect(row3.getCell(6).value).toBeNull(); // the missing 户籍地 cell stays empty
    expect(row3.getCell(7).value).toBe('性别无法识别：男女（应为男/女或1/2）；出生日期格式错误：1980-02-30');
    expect(ws.getRow(2).getCell(2).numFmt).toBe('@');
    expect(ws.getRow(2).getCell(7).numFmt).toBe('@');
    expect(ws.actualRowCount).toBe(3);
  });

  it('can be corrected and imported again: only 行号 and 错误原因 are unknown columns', async () => {
    const table = await readTable({ buffer: await buildErrorReport(HEADERS, REJECTED), filename: 'report.xlsx' });
    const columns = mapColumns(table.headers, 'persons');
    expect(columns.problem).toBeNull();
    expect(columns.unknown.map((u) => u.header)).toEqual(['行号', '错误原因']);
    const rows = [];
    for await (const row of table.rows()) rows.push(row);
    expect(rows[0].cells[columns.index.id_number]).toBe('110105194912310021');
    expect(rows[0].numeric).toEqual([0]); // only 行号 is a number
  });

  it('accepts rows from an async source and an empty list', async () => {
    async function* source() {
      yield* REJECTED;
    }
    expect((await load(await buildErrorReport(HEADERS, source()))).actualRowCount).toBe(3);
    expect((await load(await buildErrorReport(HEADERS, []))).actualRowCount).toBe(1);
  });

  it('streams a large report to a file', async () => {
    const n = 20_000;
    const file = path.join(dir, 'big.xlsx');
    const rows = function* () {
      for (let i = 0; i < n; i++) yield { line: i + 2, cells: [`1101051949123100${String(i % 100).padStart(2, '0')}`, `名${i}`], reasons: ['原因'] };
    };
    await streamErrorReport(fs.createWriteStream(file), HEADERS, rows());
    const table = await readTable({ path: file, filename: 'big.xlsx' });
    let count = 0;
    let last: string[] = [];
    for await (const row of table.rows()) {
      count++;
      last = row.cells;
    }
    expect(count).toBe(n);
    expect(last).toEqual([String(n + 1), '110105194912310099', `名${n - 1}`, '', '', '', '原因']);
  });
});
