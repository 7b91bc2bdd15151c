// Rows of a worksheet's XML (SpreadsheetML <sheetData>), read from its text as it is inflated.
// A scanner made for this one shape is several times faster than a general XML parser with a
// cell model on top (ExcelJS: 200,000 rows took 14–25 s of CPU, this a few): only rows, cells
// and their values are looked at, everything else in the sheet is skipped.
import { dateCellText, numberText } from '../xlsx-cell.ts';
import type { TableRow } from '../types.ts';
import { attr, runsText, xmlText } from './xml-text.ts';

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Per style index: a date format. */
  dateStyles: readonly boolean[];
  /** The workbook counts days from 1904 (old Mac Excel). */
  date1904: boolean;
}

const isTagEnd = (c: number) => c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13; // > / space tab LF CR

/** Column index (0-based) of a cell reference such as 'AB12'. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return n - 1;
}

/** A serial day number as ExcelJS shows it (UTC), so imports read the same dates as before. */
function serialDateText(serial: number, date1904: boolean): string {
  return dateCellText(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)));
}

/** An ISO 8601 date cell (t="d"): its date, and its time of day when there is one. */
function isoDateText(raw: string): string {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(raw);
  if (!m) return xmlText(raw.trim());
  return m[2] && m[2] !== '00:00:00' ? `${m[1]} ${m[2]}` : m[1];
}

export class SheetScanner {
  /** Text held while waiting for a row to end: a damaged or hostile sheet must not fill the memory. */
  static maxRowChars = 64 * 1024 * 1024;
  private rest = '';
  private lastLine = 0;
  /** Namespace prefix of SpreadsheetML elements, with its colon ('' mostly, 'x:' from some tools); known from the root element. */
  private prefix: string | null = null;
  private rowOpen = '';
  private rowClose = '';
  private cellOpen = '';
  private cellClose = '';
  private valueOpen = '';
  private valueClose = '';

  constructor(private readonly ctx: SheetContext) {}

  private setPrefix(p: string): void {
    this.prefix = p;
    this.rowOpen = `<${p}row`;
    this.rowClose = `</${p}row>`;
    this.cellOpen = `<${p}c`;
    this.cellClose = `</${p}c>`;
    this.valueOpen = `<${p}v>`;
    this.valueClose = `</${p}v>`;
  }

  /** Takes the next piece of the sheet's text; returns the non-empty rows it completed. */
  push(text: string): TableRow[] {
    const all = this.rest + text;
    if (this.prefix === null) {
      const root = /<(\w+:)?worksheet[\s>]/.exec(all);
      if (!root && all.length < 1 << 20) {
        this.rest = all;
        return [];
      }
      this.setPrefix(root?.[1] ?? '');
    }
    const last = all.lastIndexOf(this.rowClose);
    if (last < 0) {
      if (all.length > SheetScanner.maxRowChars) throw new Error(`no row ends within ${SheetScanner.maxRowChars} characters of the sheet`);
      this.rest = all;
      return [];
    }
    const cut = last + this.rowClose.length;
    this.rest = all.slice(cut);
    return this.scan(all.slice(0, cut));
  }

  /** The rows left at the end of the sheet. */
  end(): TableRow[] {
    if (this.prefix === null) this.setPrefix(/<(\w+:)?worksheet[\s>]/.exec(this.rest)?.[1] ?? '');
    const rows = this.scan(this.rest);
    this.rest = '';
    return rows;
  }

  private scan(xml: string): TableRow[] {
    const rows: TableRow[] = [];
    const { rowOpen, rowClose } = this;
    let pos = 0;
    for (;;) {
      const i = xml.indexOf(rowOpen, pos);
      if (i < 0) break;
      pos = i + rowOpen.length;
      if (!isTagEnd(xml.charCodeAt(pos))) continue; // <rowBreaks> and the like
      const tagEnd = xml.indexOf('>', pos);
      if (tagEnd < 0) break;
      const r = attr(xml.slice(i, tagEnd), 'r');
      const line = r ? parseInt(r, 10) : this.lastLine + 1;
      this.lastLine = line;
      if (xml.charCodeAt(tagEnd - 1) === 47) { pos = tagEnd + 1; continue; } // <row …/>: no cells
      let end = xml.indexOf(rowClose, tagEnd);
      if (end < 0) end = xml.length;
      const row = this.row(xml, tagEnd + 1, end, line);
      if (row) rows.push(row);
      pos = end + rowClose.length;
    }
    return rows;
  }

  private row(xml: string, from: number, to: number, line: number): TableRow | null {
    const { cellOpen, cellClose } = this;
    const cells: string[] = [];
    let numeric: number[] | undefined;
    let empty = true;
    let col = -1;
    let pos = from;
    for (;;) {
      const i = xml.indexOf(cellOpen, pos);
      if (i < 0 || i >= to) break;
      pos = i + cellOpen.length;
      if (!isTagEnd(xml.charCodeAt(pos))) continue;
      const tagEnd = xml.indexOf('>', pos);
      const tag = xml.slice(i, tagEnd);
      const ref = attr(tag, 'r');
      col = ref ? columnIndex(ref) : col + 1;
      if (xml.charCodeAt(tagEnd - 1) === 47) { pos = tagEnd + 1; continue; } // <c …/>: no value
      let end = xml.indexOf(cellClose, tagEnd);
      if (end < 0 || end > to) end = to;
      pos = end + cellClose.length;
      const value = this.value(xml.slice(tagEnd + 1, end), attr(tag, 't'), attr(tag, 's'));
      if (value === null || value.text === '') continue;
      while (cells.length < col) cells.push('');
      cells[col] = value.text;
      if (value.numeric) (numeric ??= []).push(col);
      if (empty && value.text.trim().length > 0) empty = false;
    }
    if (empty) return null;
    if (numeric && numeric.length > 1) numeric.sort((a, b) => a - b);
    return numeric ? { line, cells, numeric } : { line, cells };
  }

  private value(body: string, type: string | null, style: string | null): { text: string; numeric: boolean } | null {
    if (type === 'inlineStr') return { text: runsText(body, this.prefix!), numeric: false };
    const v = body.indexOf(this.valueOpen);
    if (v < 0) return null;
    const start = v + this.valueOpen.length;
    const stop = body.indexOf(this.valueClose, start);
    const raw = body.slice(start, stop < 0 ? undefined : stop);
    switch (type) {
      case 's': return { text: this.ctx.sharedStrings[parseInt(raw, 10)] ?? '', numeric: false };
      case 'str':
      case 'e': return { text: xmlText(raw), numeric: false };
      case 'b': return { text: raw.trim() === '0' ? 'FALSE' : 'TRUE', numeric: false };
      case 'd': return { text: isoDateText(raw), numeric: false };
      default: {
        const n = Number(raw);
        if (raw.trim() === '' || Number.isNaN(n)) return { text: xmlText(raw), numeric: false };
        if (style !== null && this.ctx.dateStyles[parseInt(style, 10)]) return { text: serialDateText(n, this.ctx.date1904), numeric: false };
        return { text: numberText(n), numeric: true };
      }
    }
  }
}
