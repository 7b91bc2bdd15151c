// The bank's payment file: configurable columns, written as .xlsx or .csv (UTF-8 or GBK), and the
// reading of the bank's result file (paid or failed with a reason).
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const BANK_COLUMNS = {
  ref: { zh: '流水号', en: 'Reference' },
  batch: { zh: '批次号', en: 'Batch' },
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '公民身份号码', en: 'ID number' },
  bankAccount: { zh: '银行账号', en: 'Bank account' },
  amountYuan: { zh: '金额（元）', en: 'Amount (yuan)' },
  programme: { zh: '项目', en: 'Programme' },
  areaCode: { zh: '区划代码', en: 'Area code' },
  areaName: { zh: '村（社区）', en: 'Village' },
} as const;
export type BankColumn = keyof typeof BANK_COLUMNS;
export const DEFAULT_BANK_COLUMNS: BankColumn[] = ['ref', 'batch', 'name', 'idNumber', 'bankAccount', 'amountYuan', 'programme', 'areaName'];

export type BankRow = Record<BankColumn, string>;

export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function bankCsv(columns: BankColumn[], rows: BankRow[], encoding: 'utf-8' | 'gbk'): Buffer {
  const lines = [columns.map((c) => BANK_COLUMNS[c].zh).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  const text = lines.join('\r\n') + '\r\n';
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export async function bankXlsx(columns: BankColumn[], rows: BankRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('发放明细');
  ws.columns = columns.map((c) => ({ header: BANK_COLUMNS[c].zh, key: c, width: c === 'idNumber' || c === 'bankAccount' || c === 'ref' || c === 'batch' ? 38 : 14, style: c === 'amountYuan' ? {} : { numFmt: '@' } }));
  for (const r of rows) ws.addRow(columns.map((c) => (c === 'amountYuan' ? Number(r[c]) : r[c])));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Header names the result file may use for each needed column. */
export const RESULT_HEADERS = {
  ref: ['流水号', 'ref', 'reference'],
  batch: ['批次号', 'batch'],
  status: ['状态', '结果', '发放结果', 'status', 'result'],
  reason: ['失败原因', '原因', '备注', 'reason'],
} as const;

export function resultColumns(headers: string[]): { ref: number; batch: number; status: number; reason: number; missing: string[] } {
  const find = (names: readonly string[]) => headers.findIndex((h) => names.includes(h.trim().toLowerCase()) || names.includes(h.trim()));
  const cols = { ref: find(RESULT_HEADERS.ref), batch: find(RESULT_HEADERS.batch), status: find(RESULT_HEADERS.status), reason: find(RESULT_HEADERS.reason) };
  const missing = [cols.ref < 0 ? '流水号' : '', cols.status < 0 ? '状态' : ''].filter(Boolean);
  return { ...cols, missing };
}

/** 成功/失败 as banks write them. */
export function resultStatus(text: string): 'paid' | 'failed' | null {
  const t = text.trim().toLowerCase();
  if (['成功', '已发放', '支付成功', 'paid', 'success', 'ok', '1'].includes(t)) return 'paid';
  if (['失败', '未发放', '支付失败', 'failed', 'fail', 'error', '0'].includes(t)) return 'failed';
  return null;
}
