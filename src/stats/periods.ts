// Statistical periods: year 2023, half-year 2023S1, quarter 2023Q1, month 202301, the
// family-planning statistical year 2023FP (2022-10-01..2023-09-30) and any date range.
// Pure: parsing, Chinese and English labels, days for annualisation.

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'fpYear' | 'range';

export interface Period {
  /** The code as given, normalised (e.g. 2023Q1, 2023-01-01..2023-02-15). */
  code: string;
  kind: PeriodKind;
  /** First day, counted from 00:00. */
  from: string;
  /** Last day, counted to 24:00. */
  to: string;
  /** The calendar year the period's targets belong to (the year of its last day). */
  year: number;
  labelZh: string;
  labelEn: string;
  days: number;
  /** A whole year (calendar or family-planning): its rates are annual already. */
  wholeYear: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const QUARTER_ZH = ['一', '二', '三', '四'];

export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function make(code: string, kind: PeriodKind, from: string, to: string, labelZh: string, labelEn: string): Period {
  return { code, kind, from, to, year: Number(to.slice(0, 4)), labelZh, labelEn, days: daysBetween(from, to), wholeYear: kind === 'year' || kind === 'fpYear' };
}

/** Parses a period code; null when it is not one. */
export function parsePeriod(input: string): Period | null {
  const s = input.trim();
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})$/))) {
    const y = Number(m[1]);
    return make(s, 'year', `${y}-01-01`, `${y}-12-31`, `${y}年`, `${y}`);
  }
  if ((m = s.match(/^(\d{4})[Ss]([12])$/))) {
    const y = Number(m[1]); const h = Number(m[2]);
    return make(`${y}S${h}`, 'half', h === 1 ? `${y}-01-01` : `${y}-07-01`, h === 1 ? `${y}-06-30` : `${y}-12-31`,
      `${y}年${h === 1 ? '上' : '下'}半年`, `${h === 1 ? 'first' : 'second'} half of ${y}`);
  }
  if ((m = s.match(/^(\d{4})[Qq]([1-4])$/))) {
    const y = Number(m[1]); const q = Number(m[2]);
    const first = (q - 1) * 3 + 1; const last = first + 2;
    return make(`${y}Q${q}`, 'quarter', `${y}-${pad(first)}-01`, `${y}-${pad(last)}-${pad(lastDayOfMonth(y, last))}`,
      `${y}年第${QUARTER_ZH[q - 1]}季度`, `Q${q} ${y}`);
  }
  if ((m = s.match(/^(\d{4})(\d{2})$/))) {
    const y = Number(m[1]); const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return make(s, 'month', `${y}-${pad(mo)}-01`, `${y}-${pad(mo)}-${pad(lastDayOfMonth(y, mo))}`, `${y}年${mo}月`, `${y}-${pad(mo)}`);
  }
  if ((m = s.match(/^(\d{4})FP$/i))) {
    const y = Number(m[1]);
    return make(`${y}FP`, 'fpYear', `${y - 1}-10-01`, `${y}-09-30`, `${y}计生年度`, `family-planning year ${y} (${y - 1}-10-01..${y}-09-30)`);
  }
  if ((m = s.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/))) {
    const [, from, to] = m;
    if (!isRealDate(from) || !isRealDate(to) || from > to) return null;
    return make(s, 'range', from, to, `${zhDate(from)}至${zhDate(to)}`, `${from} to ${to}`);
  }
  return null;
}

export function zhDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Factor that turns a rate over the period into a yearly rate: 365 / days (1 for whole years). */
export function annualisationFactor(p: Period): number {
  return p.wholeYear ? 1 : 365 / p.days;
}

/** The months (YYYY-MM) a period touches, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let y = Number(p.from.slice(0, 4)); let m = Number(p.from.slice(5, 7));
  const end = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    out.push(key);
    if (key >= end) return out;
    m++; if (m > 12) { m = 1; y++; }
  }
}
