// xlsx packages as other programs write them (a .NET SDK's prefixed elements, inline strings,
// cells without references, the 1904 date system, stored entries), built part by part.
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { readTable } from '../read-table.ts';
import type { TableRow } from '../types.ts';
import { isDateFormat } from './styles.ts';
import { columnIndex, SheetScanner } from './sheet-scanner.ts';
import { resolvePart, xlsxLimits } from './package.ts';
import { runsText, xmlText } from './xml-text.ts';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function zip(parts: Record<string, string>, stored: string[] = []): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, text] of Object.entries(parts)) z.addBuffer(Buffer.from(text, 'utf8'), name, { compress: !stored.includes(name) });
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

async function read(buffer: Buffer, batchRows?: number) {
  const table = await readTable({ buffer, filename: 'other.xlsx', batchRows });
  const rows: TableRow[] = [];
  for await (const b of table.batches()) rows.push(...b);
  return { table, rows };
}

/** A workbook written with the x: prefix: a hidden sheet first, the data sheet named by an absolute target. */
function prefixedWorkbook(sheetXml: string, opts: { date1904?: boolean } = {}) {
  return {
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><x:workbook xmlns:x="${NS}" xmlns:rel="${REL}"><x:workbookPr${opts.date1904 ? ' date1904="1"' : ''}/><x:sheets>`
      + `<x:sheet name="说明" sheetId="2" state="hidden" rel:id="R2"/><x:sheet name="人员 &amp; 家庭" sheetId="1" rel:id="R1"/></x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
      + `<Relationship Id="R1" Type="${REL}/worksheet" Target="/xl/worksheets/data.xml"/>`
      + `<Relationship Id="R2" Type="${REL}/worksheet" Target="worksheets/notes.xml"/>`
      + `<Relationship Id="R3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
      + `<Relationship Id="R4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><x:sst xmlns:x="${NS}"><x:si><x:t>公民身份号码</x:t></x:si><x:si><x:t>姓名</x:t></x:si>`
      + `<x:si><x:r><x:t>张</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">三 </x:t></x:r><x:rPh sb="0" eb="1"><x:t>ちょう</x:t></x:rPh></x:si><x:si/></x:sst>`,
    'xl/styles.xml': `<?xml version="1.0"?><x:styleSheet xmlns:x="${NS}"><x:numFmts count="2"><x:numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>`
      + `<x:numFmt numFmtId="165" formatCode="0.00E+00"/></x:numFmts><x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="165"/><x:xf numFmtId="14"><x:alignment/></x:xf></x:cellXfs></x:styleSheet>`,
    'xl/worksheets/notes.xml': `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>不应被读取</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
    'xl/worksheets/data.xml': `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:sheetData>${sheetXml}</x:sheetData><x:rowBreaks count="0"/></x:worksheet>`,
  };
}

describe('xlsx packages from other programs', () => {
  it('reads prefixed elements, inline and shared rich text, entities, cells and rows without references', async () => {
    const sheet = '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>出生日期</x:t></x:is></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>备注</x:t></x:is></x:c></x:row>'
      + '<x:row r="3"><x:c t="inlineStr"><x:is><x:t>11010519491231002X</x:t></x:is></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c s="1"><x:v>36526</x:v></x:c>'
      + '<x:c t="inlineStr"><x:is><x:r><x:t>A &amp; B &lt;</x:t></x:r><x:r><x:t>&#x4E00;_x000D_</x:t></x:r></x:is></x:c></x:row>'
      + '<x:row r="4"/><x:row r="5"><x:c r="A5" s="2"><x:v>1.5E+3</x:v></x:c><x:c r="C5" s="3"><x:v>36526.5</x:v></x:c><x:c r="D5" t="s"><x:v>3</x:v></x:c></x:row>'
      + '<x:row><x:c r="B6" t="b"><x:v>1</x:v></x:c><x:c r="C6" t="d"><x:v>2024-02-29T00:00:00</x:v></x:c><x:c r="D6" t="e"><x:v>#N/A</x:v></x:c></x:row>'
      + '<x:row><x:c r="A7" t="str"><x:f>A1&amp;"x"</x:f><x:v>公式&amp;结果</x:v></x:c><x:c r="B7"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="C7" s="0"/></x:row>';
    const { table, rows } = await read(await zip(prefixedWorkbook(sheet), ['xl/worksheets/data.xml']));
    expect(table.sheetName).toBe('人员 & 家庭');
    expect(table.headers).toEqual(['公民身份号码', '姓名', '出生日期', '备注']);
    expect(rows).toEqual([
      { line: 3, cells: ['11010519491231002X', '张三 ', '2000-01-01', 'A & B <一\r'] },
      { line: 5, cells: ['1500', '', '2000-01-01 12:00:00'], numeric: [0] },
      { line: 6, cells: ['', 'TRUE', '2024-02-29', '#N/A'] },
      { line: 7, cells: ['公式&结果', '2'], numeric: [1] },
    ]);
    expect(table.progress().bytesRead).toBe(table.progress().bytesTotal);
  });

  it('counts days from 1904 when the workbook says so', async () => {
    const sheet = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>日期</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" s="1"><x:v>0</x:v></x:c></x:row>';
    const { rows } = await read(await zip(prefixedWorkbook(sheet, { date1904: true })));
    expect(rows).toEqual([{ line: 2, cells: ['1904-01-01'] }]);
  });

  it('gives the same rows whatever the batch size and however the text is cut', async () => {
    let sheet = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>号</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>名</x:t></x:is></x:c></x:row>';
    for (let i = 2; i <= 3001; i++) sheet += `<x:row r="${i}"><x:c r="A${i}"><x:v>${i * 7}</x:v></x:c><x:c r="B${i}" t="inlineStr"><x:is><x:t>名字${i}号</x:t></x:is></x:c></x:row>`;
    const a = await read(await zip(prefixedWorkbook(sheet)), 7);
    const b = await read(await zip(prefixedWorkbook(sheet), ['xl/worksheets/data.xml']), 1000);
    expect(a.rows).toHaveLength(3000);
    expect(a.rows).toEqual(b.rows);
    expect(a.rows[2999]).toEqual({ line: 3001, cells: ['21007', '名字3001号'], numeric: [0] });
  });

  it('refuses shared strings that would inflate beyond the limit, saying what to do', async () => {
    const parts = prefixedWorkbook('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>');
    parts['xl/sharedStrings.xml'] = parts['xl/sharedStrings.xml'].replace('</x:sst>', `${'<x:si><x:t>填充</x:t></x:si>'.repeat(200)}</x:sst>`);
    const limit = xlsxLimits.maxPartBytes;
    xlsxLimits.maxPartBytes = Buffer.byteLength(parts['xl/sharedStrings.xml']) - 1; // larger than every other part
    try {
      await expect(readTable({ buffer: await zip(parts), filename: 'big.xlsx' })).rejects.toThrow(
        /^文件无法读取：xlsx 文件中的 sharedStrings\.xml 解压后超过 0 MB，请把数据拆分为几个文件，或另存为 CSV 后再导入$/,
      );
      xlsxLimits.maxPartBytes = Buffer.byteLength(parts['xl/sharedStrings.xml']);
      expect((await read(await zip(parts))).table.headers).toEqual(['公民身份号码']);
    } finally {
      xlsxLimits.maxPartBytes = limit;
    }
  });

  it('stops at a row that never ends instead of holding the whole sheet', async () => {
    const sheet = `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>号</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>${'长'.repeat(300_000)}`;
    const parts = prefixedWorkbook('');
    parts['xl/worksheets/data.xml'] = `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:sheetData>${sheet}`;
    const limit = SheetScanner.maxRowChars;
    SheetScanner.maxRowChars = 100_000;
    try {
      const all = readTable({ buffer: await zip(parts), filename: 'endless.xlsx' }).then(async (table) => { for await (const b of table.batches()) void b; });
      await expect(all).rejects.toThrow('xlsx 文件内容损坏');
    } finally {
      SheetScanner.maxRowChars = limit;
    }
  });

  it('refuses a package without a workbook or without sheets', async () => {
    await expect(readTable({ buffer: await zip({ 'a.txt': 'x' }), filename: 'a.xlsx' })).rejects.toThrow('不是有效的 xlsx 文件');
    const parts = prefixedWorkbook('');
    parts['xl/workbook.xml'] = `<x:workbook xmlns:x="${NS}"><x:sheets/></x:workbook>`;
    await expect(readTable({ buffer: await zip(parts), filename: 'a.xlsx' })).rejects.toThrow('找不到工作表');
  });
});

describe('xlsx packages damaged or written as a stream', () => {
  it('reports a sheet whose compressed data is damaged as a damaged file', async () => {
    let sheet = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>号</x:t></x:is></x:c></x:row>';
    for (let i = 2; i <= 20001; i++) sheet += `<x:row r="${i}"><x:c r="A${i}"><x:v>${(i * 7919) % 100003}</x:v></x:c></x:row>`;
    const buffer = await zip(prefixedWorkbook(sheet));
    const at = buffer.indexOf('xl/worksheets/data.xml') + 'xl/worksheets/data.xml'.length + 2000;
    buffer.fill(0xff, at, at + 64);
    const all = readTable({ buffer, filename: 'damaged.xlsx' }).then(async (table) => { for await (const b of table.batches()) void b; });
    await expect(all).rejects.toThrow('文件无法读取：xlsx 文件内容损坏，请用 Excel 打开后重新保存再导入');
  });

  it('reads a workbook whose sheet comes before its shared strings in the zip (ExcelJS streaming writer)', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { PassThrough } = await import('node:stream');
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('人员');
    ws.addRow(['姓名', '出生日期']).commit();
    const r = ws.addRow(['王五', new Date(Date.UTC(1990, 4, 6))]);
    r.getCell(2).numFmt = 'yyyy-mm-dd';
    r.commit();
    ws.commit();
    await wb.commit();
    const buffer = Buffer.concat(chunks);
    expect(buffer.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(buffer.indexOf('xl/sharedStrings.xml'));
    const { table, rows } = await read(buffer);
    expect(table.headers).toEqual(['姓名', '出生日期']);
    expect(rows).toEqual([{ line: 2, cells: ['王五', '1990-05-06'] }]);
  });
});

describe('xlsx helpers', () => {
  it.each([
    ['yyyy-mm-dd', true], ['yyyy"年"m"月"d"日"', true], ['[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', true], ['h:mm AM/PM', true],
    ['General', false], ['0.00E+00', false], ['#,##0.00_);[Red](#,##0.00)', false], ['"days"0', false], ['@', false], ['[$¥-804]#,##0.00', false],
  ])('isDateFormat(%s) = %s', (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });

  it('reads column letters, relationship targets and escaped text', () => {
    expect([columnIndex('A1'), columnIndex('Z9'), columnIndex('AA10'), columnIndex('XFD1048576')]).toEqual([0, 25, 26, 16383]);
    expect(resolvePart('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/workbook.xml', '../customXml/item1.xml')).toBe('customXml/item1.xml');
    expect(xmlText('a&amp;b &#20013;&#x6587; _x0009_ &unknown;')).toBe('a&b 中文 \t &unknown;');
    expect(runsText('<r><t>甲</t></r><r><t/></r><r><t xml:space="preserve"> 乙</t></r><rPh><t>こう</t></rPh>', '')).toBe('甲 乙');
  });
});
