// The statistical table as .xlsx: child areas then the total, per indicator its value,
// numerator and denominator, with number formats in the indicator's unit. Pure apart from
// writing the workbook to a buffer.
import ExcelJS from 'exceljs';
import type { StatsTable } from '../stats/stats.service.ts';

const REASON_ZH: Record<string, string> = { no_data: '无数据', not_applicable: '不适用', zero_denominator: '分母为0' };
const BASIS_ZH = { hukou: '户籍人口', resident: '常住人口' } as const;

function valueFormat(unit: string, decimals: number): string {
  const digits = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  if (unit === 'percent') return `${digits}"%"`;
  if (unit === 'permille') return `${digits}"‰"`;
  return digits;
}

export function tableTitle(t: StatsTable): string {
  return `${t.area.name.replace(/^四川省/, '')}${t.period.label}人口和计划生育统计表`;
}

export async function statsWorkbook(t: StatsTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Renkou';
  const ws = wb.addWorksheet('统计表', { views: [{ state: 'frozen', xSplit: 2, ySplit: 4 }] });
  const lastCol = 2 + t.indicators.length * 3;
  ws.mergeCells(1, 1, 1, lastCol);
  ws.getCell(1, 1).value = tableTitle(t);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, lastCol);
  ws.getCell(2, 1).value = `统计期间：${t.period.from}至${t.period.to}（${t.period.days}天）；人口口径：${BASIS_ZH[t.basis]}；比率${t.annualised ? '已年化（×365/天数）' : '未年化'}；期初人口为首日0时、期末人口为末日24时人数，平均人口=(期初+期末)/2`;
  ws.getCell(3, 1).value = '地区代码';
  ws.getCell(3, 2).value = '地区';
  ws.mergeCells(3, 1, 4, 1);
  ws.mergeCells(3, 2, 4, 2);
  t.indicators.forEach((ind, i) => {
    const c = 3 + i * 3;
    ws.mergeCells(3, c, 3, c + 2);
    const unit = ind.unit === 'percent' ? '（%）' : ind.unit === 'permille' ? '（‰）' : '';
    ws.getCell(3, c).value = `${ind.name.zh}${unit}`;
    ws.getCell(4, c).value = '数值';
    ws.getCell(4, c + 1).value = '分子';
    ws.getCell(4, c + 2).value = '分母';
  });
  for (const r of [3, 4]) ws.getRow(r).eachCell((cell) => { cell.font = { bold: true }; cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }; });
  // children first, the chosen area last as the total
  const ordered = [...t.rows.slice(1), { ...t.rows[0], name: `${t.rows[0].name}（合计）` }];
  ordered.forEach((row, k) => {
    const r = 5 + k;
    ws.getCell(r, 1).value = row.area;
    ws.getCell(r, 2).value = row.name;
    t.indicators.forEach((ind, i) => {
      const c = 3 + i * 3;
      const v = row.values[ind.code];
      const cell = ws.getCell(r, c);
      if (v.value === null) cell.value = REASON_ZH[v.reason ?? 'no_data'];
      else { cell.value = v.value; cell.numFmt = valueFormat(ind.unit, ind.decimals); }
      for (const [off, x] of [[1, v.numerator], [2, v.denominator]] as const) {
        const nc = ws.getCell(r, c + off);
        if (x !== null) { nc.value = x; nc.numFmt = Number.isInteger(x) ? '0' : '0.0'; }
      }
    });
    if (k === ordered.length - 1) ws.getRow(r).font = { bold: true };
  });
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 24;
  for (let c = 3; c <= lastCol; c++) ws.getColumn(c).width = 11;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
