// The persons import .xlsx of the city: the first `rows` rows of the CSV's persons on one sheet
// (人员, as in the template), written with ExcelJS's streaming WorkbookWriter with shared
// strings. Every value is a string cell, so ID numbers and codes stay text as in the template;
// empty values are left out (blank cells).
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { TEMPLATE_SHEET_NAMES } from '../../src/registry/imports/template.ts';
import { progress } from '../lib/log.ts';
import { IMPORT_HEADERS, personRows, type RowStats } from './person-rows.ts';

export interface XlsxFile {
  rows: number;
  bytes: number;
}

export async function exportXlsx(cityDb: string, xlsxFile: string, rows: number, today: string): Promise<XlsxFile> {
  const stats: RowStats = { rows: 0, skippedMalformedIds: 0, blankedRelativeIds: 0 };
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxFile, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet(TEMPLATE_SHEET_NAMES.persons);
  ws.addRow([...IMPORT_HEADERS]).commit();
  const report = progress('xlsx (rows)');
  for (const cells of personRows(cityDb, today, rows, stats)) {
    ws.addRow(cells.map((c) => (c === '' ? null : c))).commit();
    if (stats.rows % 10_000 === 0) {
      report(stats.rows, rows);
      await new Promise<void>((r) => setImmediate(r)); // let the zip stream drain
    }
  }
  ws.commit();
  await wb.commit();
  report(rows, rows);
  return { rows: stats.rows, bytes: fs.statSync(xlsxFile).size };
}
