// Calendar helpers on day numbers (days since 1970-01-01, UTC), which keep the simulation
// free of Date objects; strings are formatted once per day and cached.

const MS_PER_DAY = 86_400_000;
/** Mean length of a year in days, for ages and durations. */
export const YEAR = 365.25;
const FIRST_YEAR = 1800;
const LAST_YEAR = 2200;
const YEAR_START = new Int32Array(LAST_YEAR - FIRST_YEAR + 2);
for (let y = FIRST_YEAR; y <= LAST_YEAR + 1; y++) YEAR_START[y - FIRST_YEAR] = Math.floor(Date.UTC(y, 0, 1) / MS_PER_DAY);
const BASE = YEAR_START[0];
const isoCache: (string | undefined)[] = [];

export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function parseDay(iso: string): number {
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

export function isoOf(day: number): string {
  const i = day - BASE;
  let s = isoCache[i];
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (i >= 0) isoCache[i] = s;
  }
  return s;
}

export function yearOfDay(day: number): number {
  let y = Math.floor((day - BASE) / 365.2425) + FIRST_YEAR;
  if (y < FIRST_YEAR || y > LAST_YEAR) return new Date(day * MS_PER_DAY).getUTCFullYear();
  if (day < YEAR_START[y - FIRST_YEAR]) y--;
  else if (day >= YEAR_START[y - FIRST_YEAR + 1]) y++;
  return y;
}

/** A random day of `year`, `u` uniform in [0, 1). */
export function dayInYear(year: number, u: number): number {
  const start = dayOf(year, 1, 1);
  return start + Math.floor(u * (dayOf(year + 1, 1, 1) - start));
}
