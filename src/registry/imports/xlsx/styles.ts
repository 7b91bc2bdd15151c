// Which cell styles of a workbook show numbers as dates (styles.xml): a date in Excel is a
// number of days with a date format, so a date cell is told from a number by its style.
import { attr } from './xml-text.ts';

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, and the East Asian ones). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date or time when it has y, m, d, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/_.|\*./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, '')); // not e: 0.00E+00 is a number
}

/** Per style index (a cell's `s`), whether it is a date style. */
export function dateStyles(stylesXml: string | null, prefix = ''): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(new RegExp(`<${prefix}numFmt\\s[^>]*>`, 'g'))) {
    const id = Number(attr(m[0], 'numFmtId'));
    const code = attr(m[0], 'formatCode');
    if (Number.isInteger(id) && code !== null) custom.set(id, code);
  }
  const start = stylesXml.indexOf(`<${prefix}cellXfs`);
  if (start < 0) return [];
  const end = stylesXml.indexOf(`</${prefix}cellXfs>`, start);
  const xfs = stylesXml.slice(start, end < 0 ? undefined : end);
  const out: boolean[] = [];
  for (const m of xfs.matchAll(new RegExp(`<${prefix}xf[\\s/>][^>]*>?`, 'g'))) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id));
  }
  return out;
}
