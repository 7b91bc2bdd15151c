import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat, readTable } from './read-table.ts';
import { ImportFileError, type Table, type TableRow } from './types.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-read-table-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

async function allRows(table: Table): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const batch of table.batches()) rows.push(...batch);
  return rows;
}

const CSV_TEXT =
  '公民身份号码,姓名,性别,备注\r\n' +
  '11010519491231002X,李秀英,女,"多行\r\n说明"\r\n' +
  '\r\n' +
  '510703198407266980,"徐,秀敏",男,\r\n' +
  ',,,\r\n' +
  '510703200911132818,郭桂,男,无';

describe('readTable on CSV', () => {
  it.each([
    ['UTF-8 with BOM', () => Buffer.from('\ufeff' + CSV_TEXT, 'utf8'), 'utf-8'],
    ['UTF-8 without BOM', () => Buffer.from(CSV_TEXT, 'utf8'), 'utf-8'],
    ['GBK (as Chinese Excel writes)', () => iconv.encode(CSV_TEXT, 'gbk'), 'gb18030'],
  ] as const)('reads %s from a file, with Excel line numbers', async (name, bytes, encoding) => {
    const table = await readTable({ path: write(`${name}.csv`, bytes()), filename: 'people.csv' });
    expect(table.format).toBe('csv');
    expect(table.encoding).toBe(encoding);
    expect(table.headerLine).toBe(1);
    expect(table.headers).toEqual(['公民身份号码', '姓名', '性别', '备注']);
    const rows = await allRows(table);
    // Line 3 is blank and line 5 has only empty cells: skipped, but still counted.
    expect(rows).toEqual([
      { line: 2, cells: ['11010519491231002X', '李秀英', '女', '多行\r\n说明'] },
      { line: 4, cells: ['510703198407266980', '徐,秀敏', '男', ''] },
      { line: 6, cells: ['510703200911132818', '郭桂', '男', '无'] },
    ]);
    expect(table.progress()).toEqual({ bytesRead: bytes().length, bytesTotal: bytes().length });
  });

  it('reads from a buffer, in batches of the requested size', async () => {
    const lines = ['id,name', ...Array.from({ length: 25 }, (_, i) => `${i},n${i}`)];
    const table = await readTable({ buffer: Buffer.from(lines.join('\n')), filename: 'x.CSV', batchRows: 10 });
    const sizes: number[] = [];
    const seen: TableRow[] = [];
    for await (const batch of table.batches()) {
      sizes.push(batch.length);
      seen.push(...batch);
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(25);
    expect(sizes.slice(0, -1).every((s) => s >= 10)).toBe(true);
    expect(seen[24]).toEqual({ line: 26, cells: ['24', 'n24'] });
  });

  it('offers the rows one by one too, and only once', async () => {
    const table = await readTable({ buffer: Buffer.from('a,b\n1,2\n3,4\n'), filename: 'x.csv' });
    const lines: number[] = [];
    for await (const row of table.rows()) lines.push(row.line);
    expect(lines).toEqual([2, 3]);
    await expect(async () => {
      for await (const _ of table.batches()) void _;
    }).rejects.toThrow(/only once/);
  });

  it('takes the first non-empty line as the header and trims header cells', async () => {
    const table = await readTable({ buffer: Buffer.from('\n,\n 姓名 ,性别\n张三,男\n'), filename: 'x.csv' });
    expect(table.headerLine).toBe(3);
    expect(table.headers).toEqual(['姓名', '性别']);
    expect(await allRows(table)).toEqual([{ line: 4, cells: ['张三', '男'] }]);
  });

  it('reads Excel\'s "Unicode 文本" export: UTF-16LE with a BOM, tab-separated', async () => {
    const bytes = Buffer.from('\ufeff姓名\t性别\r\n张三\t男\r\n', 'utf16le');
    for (const input of [{ buffer: bytes }, { path: write('unicode.txt', bytes) }]) {
      const table = await readTable({ ...input, filename: 'unicode.txt' });
      expect(table.encoding).toBe('utf-16le');
      expect(table.headers).toEqual(['姓名', '性别']);
      expect(await allRows(table)).toEqual([{ line: 2, cells: ['张三', '男'] }]);
    }
  });

  it('reads tab-separated text saved as .txt or .csv', async () => {
    const table = await readTable({ buffer: Buffer.from('\r\n姓名\t性别\n张三\t男,女\n'), filename: 'x.txt' });
    expect(table.headers).toEqual(['姓名', '性别']);
    expect(await allRows(table)).toEqual([{ line: 3, cells: ['张三', '男,女'] }]);
  });

  it('reads a large file across many chunks without losing or splitting records', async () => {
    const n = 30_000;
    const body = Array.from({ length: n }, (_, i) => `${i},"名字${i}\n第二行",张${i}`).join('\r\n');
    const file = write('large.csv', iconv.encode('序号,姓名,备注\r\n' + body + '\r\n', 'gbk'));
    const table = await readTable({ path: file, filename: 'large.csv' });
    expect(table.encoding).toBe('gb18030');
    let count = 0;
    for await (const row of table.rows()) {
      expect(row.cells).toEqual([String(count), `名字${count}\n第二行`, `张${count}`]);
      expect(row.line).toBe(count + 2);
      count++;
    }
    expect(count).toBe(n);
  });

  it('stops early when closed', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `${i},x`).join('\n');
    const table = await readTable({ path: write('close.csv', 'a,b\n' + body), filename: 'close.csv', batchRows: 100 });
    let batches = 0;
    for await (const _ of table.batches()) {
      batches++;
      await table.close();
    }
    expect(batches).toBe(1);
    await table.close();
  });
});

describe('file problems', () => {
  async function fileError(input: Parameters<typeof readTable>[0]): Promise<ImportFileError> {
    try {
      await readTable(input);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportFileError);
      return e as ImportFileError;
    }
    throw new Error('expected an ImportFileError');
  }

  it('refuses old .xls files with a hint', async () => {
    const e = await fileError({ buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), filename: 'a.xls' });
    expect(e.code).toBe('import.bad_file');
    expect(e.message).toMatch(/另存为/);
  });

  it('refuses empty files and files with only blank lines', async () => {
    expect((await fileError({ buffer: Buffer.alloc(0), filename: 'a.csv' })).message).toMatch(/空/);
    expect((await fileError({ buffer: Buffer.from('\r\n,,\r\n'), filename: 'a.csv' })).message).toMatch(/没有表头/);
  });

  it('refuses an unclosed quote that swallows the file', async () => {
    const text = 'a,b\n1,"never closed\n' + 'x,y\n'.repeat(1_200_000);
    const table = await readTable({ path: write('unclosed.csv', text), filename: 'u.csv' });
    await expect(allRows(table)).rejects.toThrow(/第2行过长，可能有未闭合的引号/);
  });

  it('tells the format by content first, then by name', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04]);
    const text = Buffer.from('a,b');
    expect(detectFormat(zip, 'a.xlsx')).toBe('xlsx');
    expect(detectFormat(zip, 'renamed.csv')).toBe('xlsx');
    expect(detectFormat(text, 'a.csv')).toBe('csv');
    expect(detectFormat(text, 'a.TXT')).toBe('csv');
    expect(() => detectFormat(text, 'a.xlsx')).toThrow(/不是 xlsx/);
    expect(() => detectFormat(text, 'a.pdf')).toThrow(/不支持的文件类型/);
    expect(() => detectFormat(zip, 'a.docx')).toThrow(/不支持的文件类型/);
  });
});
