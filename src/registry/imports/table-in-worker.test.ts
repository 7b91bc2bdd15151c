import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from './read-table.ts';
import { openTable, readTableInWorker, WORKER_MIN_BYTES } from './table-in-worker.ts';
import { ImportFileError, type Table, type TableRow } from './types.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-table-worker-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function allRows(table: Table): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  try {
    for await (const batch of table.batches()) rows.push(...batch);
  } finally {
    await table.close();
  }
  return rows;
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `5107031984${String(i).padStart(8, '0')},姓名${i},${i % 2 ? '男' : '女'}`);

describe('reading a file on a worker thread', () => {
  it('gives the same header, rows, line numbers and progress as reading it here (GBK CSV)', async () => {
    const file = path.join(dir, 'gbk.csv');
    fs.writeFileSync(file, iconv.encode(['公民身份号码,姓名,性别', ...lines(5000), ''].join('\r\n'), 'gbk'));
    const here = await readTable({ path: file, filename: 'gbk.csv', batchRows: 700 });
    const there = await readTableInWorker({ path: file, filename: 'gbk.csv', batchRows: 700 });
    expect([there.format, there.encoding, there.headerLine, there.headers]).toEqual([here.format, here.encoding, here.headerLine, here.headers]);
    const want = await allRows(here);
    const got = await allRows(there);
    expect(got).toHaveLength(5000);
    expect(got).toEqual(want);
    expect(got[4999]).toEqual({ line: 5001, cells: ['510703198400004999', '姓名4999', '男'] });
    expect(there.progress()).toEqual({ bytesRead: fs.statSync(file).size, bytesTotal: fs.statSync(file).size });
  });

  it('reads xlsx cells with their numeric marks', async () => {
    const file = path.join(dir, 'people.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(['公民身份号码', '姓名', '户籍地']);
    for (let i = 0; i < 300; i++) ws.addRow([`51070319840726${String(1000 + i)}`, `张${i}`, 510703001001]);
    await wb.xlsx.writeFile(file);
    const got = await allRows(await readTableInWorker({ path: file, filename: 'people.xlsx' }));
    expect(got).toEqual(await allRows(await readTable({ path: file, filename: 'people.xlsx' })));
    expect(got[0]).toEqual({ line: 2, cells: ['510703198407261000', '张0', '510703001001'], numeric: [2] });
  });

  it('reports a bad file as the same file error', async () => {
    const file = path.join(dir, 'old.xls');
    fs.writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const e = await readTableInWorker({ path: file, filename: 'old.xls' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportFileError);
    expect((e as ImportFileError).code).toBe('import.bad_file');
    expect((e as ImportFileError).message).toMatch(/旧版 Excel/);
  });

  it('stops the worker when closed early', async () => {
    const file = path.join(dir, 'early.csv');
    fs.writeFileSync(file, ['公民身份号码,姓名,性别', ...lines(20000)].join('\n'));
    const table = await readTableInWorker({ path: file, filename: 'early.csv' });
    let seen = 0;
    for await (const batch of table.batches()) {
      seen += batch.length;
      break;
    }
    await table.close();
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(20000);
    expect(table.progress().bytesRead).toBeLessThan(fs.statSync(file).size);
  });

  it('reads small files on the calling thread and large ones on a worker', async () => {
    const small = path.join(dir, 'small.csv');
    fs.writeFileSync(small, ['公民身份号码,姓名,性别', ...lines(10)].join('\n'));
    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(big, ['公民身份号码,姓名,性别', ...lines(Math.ceil(WORKER_MIN_BYTES / 30))].join('\n'));
    const a = await openTable({ path: small, filename: 'small.csv' });
    const b = await openTable({ path: big, filename: 'big.csv' });
    // A worker-read table reports progress only as batches arrive; a local one reads ahead at once.
    expect((await allRows(a)).length).toBe(10);
    expect((await allRows(b)).length).toBe(Math.ceil(WORKER_MIN_BYTES / 30));
    expect(fs.statSync(big).size).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
  });
});
