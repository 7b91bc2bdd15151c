// Turning ExcelJS cell values into the texts users see.

/** A number written out in full, never with an exponent: 510703001001, 110105194912310000. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  // Excel keeps 15 significant digits; show no more (0.1 + 0.2 is written as 0.3).
  const s = String(Number(n.toPrecision(15)));
  if (!s.includes('e')) return s;
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** A date cell (ExcelJS: UTC) as 'YYYY-MM-DD', with ' HH:MM:SS' only when it has a time of day. */
export function dateCellText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? date : `${date} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

interface RichTextRun {
  text?: unknown;
}

/**
 * Text of any ExcelJS cell value: strings as they are, numbers in full, dates as above,
 * rich text flattened, hyperlinks by their text, formulas by their cached result, errors as
 * '#N/A' etc., booleans as TRUE/FALSE, empty as ''.
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateCellText(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      let s = '';
      for (const run of o.richText as RichTextRun[]) if (typeof run?.text === 'string') s += run.text;
      return s;
    }
    if ('formula' in o || 'sharedFormula' in o) return cellText(o.result);
    if ('hyperlink' in o || 'text' in o) return cellText(o.text);
    if (typeof o.error === 'string') return o.error;
  }
  return '';
}

/** The number held by a numeric cell (directly or as a formula result), else undefined. */
export function cellNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : v;
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    const r = (v as { result?: unknown }).result;
    if (typeof r === 'number' && !Number.isNaN(r)) return r; // NaN: the streaming reader's error result
  }
  return undefined;
}
