// Calendar helpers on day numbers (days since 1970-01-01, UTC), which keep the simulation
// free of Date objects; strings are formatted once per day and cached.

const MS_PER_DAY = 86_400_000;
const cache = new Map<number, string>();

export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function parseDay(iso: string): number {
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

export function isoOf(day: number): string {
  let s = cache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    cache.set(day, s);
  }
  return s;
}

export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Age in whole years on `day` for someone born on `birth` (both day numbers). */
export function ageAt(birth: number, day: number): number {
  const b = isoOf(birth);
  const d = isoOf(day);
  const years = Number(d.slice(0, 4)) - Number(b.slice(0, 4));
  return d.slice(5) < b.slice(5) ? years - 1 : years;
}

/** Approximate age in fractional years (for hazards; not for display). */
export function yearsBetween(from: number, to: number): number {
  return (to - from) / 365.25;
}

/** A random day of `year` (uniform). */
export function dayInYear(year: number, u: number): number {
  const start = dayOf(year, 1, 1);
  return start + Math.floor(u * (dayOf(year + 1, 1, 1) - start));
}
