// Calendar dates as users type them, and "today" in China's time zone.
// Dates in the system are 'YYYY-MM-DD' strings (DESIGN §3).

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in its 1900 date system is 1899-12-30 (day 60 is the non-existent 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Largest serial Excel accepts: 9999-12-31. */
const EXCEL_MAX_SERIAL = 2_958_465;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has kept UTC+8 without daylight saving since 1991

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// Date strings of the years most imports deal with are made once and shared: building them
// is the main cost of date parsing on the import path, and sharing saves memory downstream.
const CACHE_FROM_YEAR = 1850;
const CACHE_TO_YEAR = 2150;
const dateCache: (string | undefined)[] = new Array((CACHE_TO_YEAR - CACHE_FROM_YEAR + 1) * 372);

/** 'YYYY-MM-DD' for a real date, else null. Years 1000..9999. */
export function formatYmd(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  if (y < CACHE_FROM_YEAR || y > CACHE_TO_YEAR) return `${y}-${pad2(m)}-${pad2(d)}`;
  const key = (y - CACHE_FROM_YEAR) * 372 + (m - 1) * 31 + (d - 1);
  return (dateCache[key] ??= `${y}-${pad2(m)}-${pad2(d)}`);
}

/** The calendar date of a Date read in UTC (how ExcelJS delivers date cells: UTC midnight). */
export function utcDateOf(date: Date): string | null {
  const t = date.getTime();
  if (Number.isNaN(t)) return null;
  return formatYmd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * An Excel serial day number (1900 date system) as 'YYYY-MM-DD'. A fractional part (time of
 * day) is dropped. Serial 60, Excel's phantom 1900-02-29, is not a date.
 */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= EXCEL_MAX_SERIAL + 1) return null;
  let day = Math.floor(serial);
  if (day === 60) return null;
  if (day < 60) day += 1; // before the phantom leap day the offset is one day less
  return utcDateOf(new Date(EXCEL_EPOCH_MS + day * MS_PER_DAY));
}

function digitsValue(s: string, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return end > start ? v : -1;
}

/** Accepts an optional time of day after the date: ' 00:00', ' 0:00:00', 'T08:30:00.000' (no zone). */
function isTimeOfDay(s: string, start: number): boolean {
  if (start >= s.length) return true;
  const sep = s.charCodeAt(start);
  if (sep !== 32 && sep !== 84 /* T */) return false;
  for (let i = start + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 58 /* : */ || c === 46 /* . */)) return false;
  }
  return s.length > start + 1;
}

/** Printable ASCII (the usual first and last characters of a date): nothing to trim. */
function isPrintableAscii(c: number): boolean {
  return c > 32 && c < 0x7f;
}

function parseDateString(raw: string): string | null {
  const s = isPrintableAscii(raw.charCodeAt(0)) && isPrintableAscii(raw.charCodeAt(raw.length - 1)) ? raw : raw.trim();
  const n = s.length;
  if (n < 8) return null; // shortest: 'YYYY/M/D'
  // Fast path: 'YYYY-MM-DD'.
  if (n === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    return formatYmd(digitsValue(s, 0, 4), digitsValue(s, 5, 7), digitsValue(s, 8, 10));
  }
  // 'YYYYMMDD'.
  const sep = s.charCodeAt(4);
  if (n === 8 && sep >= 48 && sep <= 57) return formatYmd(digitsValue(s, 0, 4), digitsValue(s, 4, 6), digitsValue(s, 6, 8));
  // 'YYYY-M-D', 'YYYY/M/D', 'YYYY.M.D', 'YYYY年M月D日', each optionally followed by a time.
  const y = digitsValue(s, 0, 4);
  const chinese = sep === 0x5e74; // 年
  if (y < 0 || !(sep === 45 || sep === 47 || sep === 46 || chinese)) return null;
  let i = 5;
  const mStart = i;
  while (i < n && i - mStart < 2 && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  const m = digitsValue(s, mStart, i);
  if (m < 0 || s.charCodeAt(i) !== (chinese ? 0x6708 /* 月 */ : sep)) return null;
  const dStart = ++i;
  while (i < n && i - dStart < 2 && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  const d = digitsValue(s, dStart, i);
  if (d < 0) return null;
  if (chinese && s.charCodeAt(i) === 0x65e5 /* 日 */) i++;
  if (!isTimeOfDay(s, i)) return null;
  return formatYmd(y, m, d);
}

/**
 * A date as users write it, as 'YYYY-MM-DD', or null when it is not a real date.
 *
 * - strings: 'YYYY-MM-DD', 'YYYY-M-D', 'YYYY/M/D', 'YYYY.M.D', 'YYYYMMDD', 'YYYY年M月D日',
 *   optionally followed by a time of day without zone ('1980-03-01 00:00:00'), which is ignored;
 * - Date objects: the UTC calendar date (ExcelJS gives date cells as UTC midnight);
 * - numbers: 8-digit YYYYMMDD, otherwise an Excel serial day number. Pass a number only for
 *   a numeric spreadsheet cell of a date column: a numeric *string* is never read as a serial.
 */
export function parseFlexibleDate(v: unknown): string | null {
  if (typeof v === 'string') return parseDateString(v);
  if (v instanceof Date) return utcDateOf(v);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 10_000_101 && v <= 99_991_231) return parseDateString(String(v));
    return excelSerialToDate(v);
  }
  return null;
}

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving). */
export function todayInShanghai(now: Date = new Date()): string {
  const d = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}
