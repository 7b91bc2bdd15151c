// Import files built in the tests: CSV (UTF-8 or GBK) and xlsx, in the columns users bring.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { makeIdNumber } from '../../src/registry/id-number.ts';

export const PERSON_HEADER = ['公民身份号码', '姓名', '性别', '出生日期', '民族', '户籍地', '现居住地', '户口性质', '婚姻状况', '配偶身份号码', '母亲身份号码', '父亲身份号码', '死亡日期', '联系电话'];
export const EVENT_HEADER = ['变动类型', '公民身份号码', '姓名', '性别', '变动日期', '地区', '迁出地', '母亲身份号码', '父亲身份号码', '孩次', '配偶身份号码'];

const VILLAGES = ['510703001003', '510703001008', '510703001009'];

/** n valid persons rows, deterministic: the i-th person has a unique ID number. */
export function personRows(n: number, start = 0): string[][] {
  const rows: string[][] = [];
  for (let i = start; i < start + n; i++) {
    const year = 1940 + (i % 70);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const birth = `${year}-${month}-${day}`;
    const male = i % 2 === 0;
    const seq = (Math.floor(i / 2) % 500) * 2 + (male ? 1 : 0);
    const address = String(110101 + Math.floor(i / 1000) % 800);
    const id = makeIdNumber(address, birth, seq);
    rows.push([id, `测试${i}`, male ? '男' : '女', birth, '汉族', VILLAGES[i % 3], '', i % 3 ? '农业' : '非农业', '', '', '', '', '', i % 5 ? '' : `1391234${String(i % 10000).padStart(4, '0')}`]);
  }
  return rows;
}

/** A persons row in village 510703001003 with only the cells the import tests vary. */
export const familyRow = (id: string, name: string, sex: '男' | '女', birth: string, mother = '') =>
  [id, name, sex, birth, '汉族', '510703001003', '', '农业', '', '', mother, '', '', ''];

/** n mothers (母亲i) and a son of each (孩子i, naming his mother's ID number), mothers first. */
export function mothersAndChildren(n: number): { mothers: string[][]; children: string[][] } {
  const mothers: string[][] = [];
  const children: string[][] = [];
  for (let i = 0; i < n; i++) {
    const birth = `19${60 + Math.floor(i / 400)}-03-0${1 + (i % 4)}`;
    const mother = makeIdNumber('510703', birth, 2 * Math.floor((i % 400) / 4));
    mothers.push(familyRow(mother, `母亲${i}`, '女', birth));
    const childBirth = `200${Math.floor(i / 1000)}-05-0${1 + (i % 4)}`;
    children.push(familyRow(makeIdNumber('510703', childBirth, 2 * Math.floor((i % 1000) / 4) + 1), `孩子${i}`, '男', childBirth, mother));
  }
  return { mothers, children };
}

const csvLine = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

export function csv(header: string[], rows: string[][], encoding: 'utf8' | 'utf8bom' | 'gbk' = 'utf8'): Buffer {
  const text = [csvLine(header), ...rows.map(csvLine)].join('\r\n') + '\r\n';
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.from((encoding === 'utf8bom' ? '\ufeff' : '') + text, 'utf8');
}

export async function xlsx(header: string[], rows: (string | Date | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsxRows(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: string[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
}
