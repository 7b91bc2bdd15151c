import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, PERSON_COLUMNS } from './column-specs.ts';
import { mapColumns } from './columns.ts';
import { validateEventRow } from './event-row.ts';
import { validatePersonRow } from './person-row.ts';
import { readTable } from './read-table.ts';
import { buildTemplate, INSTRUCTIONS_SHEET_NAME } from './template.ts';

const ctx = { today: '2025-06-01', isKnownArea: (c: string) => c === '510703001001' };

async function open(kind: 'persons' | 'events'): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildTemplate(kind)) as unknown as ArrayBuffer);
  return wb;
}

function texts(row: ExcelJS.Row, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const v = row.getCell(i + 1).value;
    return v == null ? '' : String(v);
  });
}

describe.each([
  ['persons', '人员', PERSON_COLUMNS],
  ['events', '人口变动', EVENT_COLUMNS],
] as const)('buildTemplate(%s)', (kind, sheetName, specs) => {
  it('has the canonical headers, bold, with a frozen header row and text-formatted columns', async () => {
    const wb = await open(kind);
    expect(wb.worksheets.map((w) => w.name)).toEqual([sheetName, INSTRUCTIONS_SHEET_NAME]);
    const ws = wb.getWorksheet(sheetName)!;
    const header = ws.getRow(1);
    expect(texts(header, specs.length)).toEqual(specs.map((s) => s.zh));
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    specs.forEach((spec, i) => {
      const column = ws.getColumn(i + 1);
      expect(column.width, spec.zh).toBe(spec.width);
      expect(column.numFmt, spec.zh).toBe('@');
    });
    expect(String(header.getCell(1).note)).toContain('是否必填');
  });

  it('has one example row that imports without error', async () => {
    const wb = await open(kind);
    const ws = wb.getWorksheet(sheetName)!;
    expect(ws.actualRowCount).toBe(2);
    const example = texts(ws.getRow(2), specs.length);
    expect(example).toEqual(specs.map((s) => s.example));
    const columns = mapColumns(specs.map((s) => s.zh), kind as never);
    const r = kind === 'persons' ? validatePersonRow(example, columns as never, ctx) : validateEventRow(example, columns as never, ctx);
    expect(r.ok ? [] : r.reasons).toEqual([]);
  });

  it('explains every column in 填写说明', async () => {
    const wb = await open(kind);
    const ws = wb.getWorksheet(INSTRUCTIONS_SHEET_NAME)!;
    expect(texts(ws.getRow(1), 4)).toEqual(['列名', '英文列名', '是否必填', '说明']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    specs.forEach((spec, i) => {
      expect(texts(ws.getRow(i + 2), 3)).toEqual([spec.zh, spec.key, spec.requiredText]);
    });
    const all = ws.getSheetValues().flat().map(String).join('\n');
    expect(all).toContain('导入前请删除');
    expect(all).toContain('文本格式');
  });

  it('is read back by the import reader as a file of the right kind', async () => {
    const table = await readTable({ buffer: await buildTemplate(kind), filename: 'template.xlsx' });
    expect(table.sheetName).toBe(sheetName);
    expect(mapColumns(table.headers, kind as never).problem).toBeNull();
    const rows = [];
    for await (const row of table.rows()) rows.push(row);
    expect(rows).toHaveLength(1);
    expect(rows[0].numeric).toBeUndefined(); // all text
  });
});

describe('template drop-down lists', () => {
  it('offers 男/女 for 性别 and the six kinds for 变动类型', async () => {
    const persons = (await open('persons')).getWorksheet('人员')!;
    expect(persons.getCell('C5').dataValidation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });
    const events = (await open('events')).getWorksheet('人口变动')!;
    expect(events.getCell('A100').dataValidation).toMatchObject({ type: 'list', formulae: ['"出生,死亡,迁入,迁出,结婚,离婚"'] });
  });
});
