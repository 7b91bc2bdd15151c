// The pure import pipeline on real files: read, map the header, validate every row.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../id-number.ts';
import { mapColumns } from './columns.ts';
import { validateEventRow } from './event-row.ts';
import { validatePersonRow } from './person-row.ts';
import { readTable } from './read-table.ts';
import type { RowContext } from './row-checks.ts';
import type { TableInput } from './types.ts';

const ctx: RowContext = { today: '2025-06-01', isKnownArea: (c) => c.startsWith('510703') };

async function importPersons(input: TableInput) {
  const table = await readTable(input);
  const columns = mapColumns(table.headers, 'persons');
  if (columns.problem) throw columns.problem;
  const ok: unknown[] = [];
  const rejected: { line: number; reasons: string[] }[] = [];
  for await (const batch of table.batches()) {
    for (const row of batch) {
      const r = validatePersonRow(row.cells, columns, ctx, row.numeric);
      if (r.ok) ok.push(r.value);
      else rejected.push({ line: row.line, reasons: r.reasons });
    }
  }
  return { table, columns, ok, rejected };
}

describe('persons pipeline', () => {
  it('imports a GBK CSV with English headers and an extra column', async () => {
    const id = makeIdNumber('510703', '1975-08-09', 12);
    const text = 'name,ID_NUMBER,sex,birth_date,hukou_area,备注\r\n王芳,' + id + ',2,1975/8/9,510703001001,"说明,含逗号"\r\n张三,123,男,1980-01-01,510703001001,\r\n';
    const { table, columns, ok, rejected } = await importPersons({ buffer: iconv.encode(text, 'gbk'), filename: 'p.csv' });
    expect(table.encoding).toBe('gb18030');
    expect(columns.unknown.map((u) => `${u.letter}列 ${u.header}`)).toEqual(['F列 备注']);
    expect(ok).toEqual([expect.objectContaining({ idNumber: id, name: '王芳', sex: 'F', birthDate: '1975-08-09', residenceAreaCode: '510703001001' })]);
    expect(rejected).toEqual([{ line: 3, reasons: ['公民身份号码格式错误：123（应为18位，或15位数字）'] }]);
  });

  it('imports an xlsx with a real date cell and reports an ID typed as a number', async () => {
    const good = makeIdNumber('510703', '1980-03-01', 35);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(['公民身份号码', '姓名', '性别', '出生日期', '户籍地', '民族']);
    const r2 = ws.addRow([good, '张伟', '男', new Date(Date.UTC(1980, 2, 1)), 510703001001, 1]);
    r2.getCell(4).numFmt = 'yyyy/m/d';
    ws.addRow([510703198003010000, '李四', '男', new Date(Date.UTC(1980, 2, 1)), '510703001001', '汉族']).getCell(4).numFmt = 'yyyy-mm-dd';
    const { ok, rejected } = await importPersons({ buffer: Buffer.from(await wb.xlsx.writeBuffer()), filename: 'p.xlsx' });
    expect(ok).toEqual([expect.objectContaining({ idNumber: good, birthDate: '1980-03-01', hukouAreaCode: '510703001001', ethnicity: '01' })]);
    expect(rejected).toEqual([
      { line: 3, reasons: ['公民身份号码应设置为文本格式：该单元格是数字格式，只保留15位有效数字，末几位已丢失（510703198003010000）'] },
    ]);
  });
});

describe('events pipeline', () => {
  it('imports events from a UTF-8 CSV with a BOM', async () => {
    const mother = makeIdNumber('510703', '1990-01-01', 2);
    const text = '\ufeff变动类型,姓名,性别,变动日期,地区,母亲身份号码\n出生,大宝,女,2016-03-03,510703001003,' + mother + '\n出生,,女,2016-03-03,510703001003,\n';
    const table = await readTable({ buffer: Buffer.from(text), filename: 'e.csv' });
    const columns = mapColumns(table.headers, 'events');
    expect(columns.problem).toBeNull();
    const results = [];
    for await (const row of table.rows()) results.push(validateEventRow(row.cells, columns, ctx, row.numeric));
    expect(results[0]).toEqual({ ok: true, value: expect.objectContaining({ kind: 'birth', name: '大宝', motherIdNumber: mother, date: '2016-03-03' }) });
    expect(results[1]).toEqual({ ok: false, reasons: ['姓名不能为空（出生登记必填）', '母亲身份号码不能为空（出生登记必填）'] });
  });
});
