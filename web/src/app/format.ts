// Dates are shown as YYYY-MM-DD; instants (UTC ISO strings) in Asia/Shanghai.
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';
const ZONE = 'Asia/Shanghai';
export const EMPTY = '—';

const instantFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** "2026-03-01 08:05:09" in Beijing time. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return EMPTY;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(instantFormat.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

export function formatDate(date: string | null | undefined): string {
  return date ? date.slice(0, 10) : EMPTY;
}

/** Today's date in Beijing, YYYY-MM-DD. */
export function todayInShanghai(): string {
  return formatInstant(new Date().toISOString()).slice(0, 10);
}

export function toDateString(d: Dayjs | null | undefined): string | undefined {
  return d ? d.format(DATE_FORMAT) : undefined;
}

export function fromDateString(s: string | null | undefined): Dayjs | undefined {
  return s ? dayjs(s) : undefined;
}

/** For DatePicker disabledDate: no dates after today (Beijing). */
export function isFutureDate(d: Dayjs): boolean {
  return d.format(DATE_FORMAT) > todayInShanghai();
}

/** The UTC instant at which a Beijing calendar day starts (China has no DST: +08:00). */
export function shanghaiDayStart(date: string, addDays = 0): string {
  const d = new Date(`${date}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + addDays);
  return d.toISOString();
}

/** 1536 → "1.5 KB"; sizes of uploaded files and read progress. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
