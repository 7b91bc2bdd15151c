// The xlsx templates users download, fill in and import.

import ExcelJS from 'exceljs';
import { columnSpecs, type ColumnSpec, type ImportKind } from './column-specs.ts';

export const TEMPLATE_SHEET_NAMES: Record<ImportKind, string> = { persons: '人员', events: '人口变动' };
export const INSTRUCTIONS_SHEET_NAME = '填写说明';

const LAST_ROW = 1_048_576;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/** Drop-down lists for columns with few values (a warning, not a refusal, for other values). */
const LISTS: Record<string, string> = {
  sex: '男,女',
  hukou_type: '农业,非农业,农村,城镇',
  marital_status: '未婚,初婚,再婚,复婚,离婚,丧偶',
  kind: '出生,死亡,迁入,迁出,结婚,离婚',
};

const GENERAL_NOTES = [
  '第一行为表头，请勿修改或删除；列的顺序可以调整，不认识的列会被忽略。',
  '第二行为示例，导入前请删除。',
  '表中各列已设置为文本格式，请不要改为数字格式：公民身份号码为数字格式时末三位会丢失。',
  '日期可写作 YYYY-MM-DD（如1980-03-01）、YYYY/M/D 或 YYYYMMDD，也可以是 Excel 日期单元格。',
  '地区代码为统计用区划代码：区县6位、乡镇街道9位、村社区12位。',
  '也可以导入 CSV 文件（UTF-8 或 GBK 编码），表头与本模板相同，也可使用英文列名。',
  '同一文件重复导入不会产生重复记录。',
];

// ExcelJS's typings lack the worksheet's data validations, which it does support.
interface WithValidations {
  dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void };
}

function addDataSheet(wb: ExcelJS.Workbook, kind: ImportKind, specs: readonly ColumnSpec[]): void {
  const ws = wb.addWorksheet(TEMPLATE_SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = specs.map((s) => ({ key: s.key, width: s.width, style: { numFmt: '@' } }));
  const header = ws.getRow(1);
  specs.forEach((spec, i) => {
    const cell = header.getCell(i + 1);
    cell.value = spec.zh;
    cell.font = { bold: true };
    cell.fill = spec.requiredText === '否' ? HEADER_FILL : REQUIRED_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.note = `${spec.zh}（${spec.key}）\n是否必填：${spec.requiredText}${spec.notes ? `\n${spec.notes}` : ''}`;
  });
  header.height = 20;
  const example = ws.getRow(2);
  specs.forEach((spec, i) => {
    if (spec.example) example.getCell(i + 1).value = spec.example;
  });
  const validations = (ws as unknown as WithValidations).dataValidations;
  specs.forEach((spec, i) => {
    const list = LISTS[spec.key];
    if (!list) return;
    const letter = ws.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${LAST_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list}"`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: spec.zh,
      error: `${spec.zh}应为：${list.replaceAll(',', '、')}`,
    });
  });
}

function addInstructionsSheet(wb: ExcelJS.Workbook, specs: readonly ColumnSpec[]): void {
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '列名', width: 16 },
    { header: '英文列名', width: 20 },
    { header: '是否必填', width: 30 },
    { header: '说明', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const spec of specs) ws.addRow([spec.zh, spec.key, spec.requiredText, spec.notes]);
  ws.addRow([]);
  ws.addRow(['注意事项']).font = { bold: true };
  GENERAL_NOTES.forEach((note, i) => ws.addRow([`${i + 1}. ${note}`]));
  ws.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
}

/** The import template of a kind: data sheet with headers and one example row, and 填写说明. */
export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const specs = columnSpecs(kind);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Renkou 人口家庭服务管理平台';
  wb.created = new Date(Date.UTC(2024, 0, 1)); // a template has no meaningful creation time
  wb.modified = wb.created;
  addDataSheet(wb, kind, specs);
  addInstructionsSheet(wb, specs);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
