// SQLite: the population aggregates (migration 004) counted afresh from the spans in one pass
// over them, summed in hash maps here: the same rows as `backfill`, whose SQL sorts every
// (basis, day, area, sex) contribution (six million at a million persons) to group them.
// Bulk loads end with it (src/registry/imports/bulk-load.ts).
import type Database from 'better-sqlite3';

const BASES = ['hukou', 'migrant', 'resident'] as const; // in the primary key's order
/** More distinct areas or days than a registry has (areas · 2 stays a small integer). */
const SLOTS = 2 ** 24;

/** Distinct strings numbered as they come; `ranks()` gives each number its place in sorted order. */
class Interner {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.values.length;
      if (i >= SLOTS) throw new Error('too many distinct areas or days to recount');
      this.ids.set(s, i);
      this.values.push(s);
    }
    return i;
  }
  ranks(): { rank: Int32Array; sorted: string[] } {
    const order = this.values.map((_, i) => i).sort((a, b) => (this.values[a] < this.values[b] ? -1 : 1));
    const rank = new Int32Array(order.length);
    order.forEach((id, r) => { rank[id] = r; });
    return { rank, sorted: order.map((id) => this.values[id]) };
  }
}

/** Days the table numbers directly: years 1800–2199, so a key is (year − 1800, month, day). */
const DAY_KEYS = 400 * 13 * 32;

/**
 * Days ('YYYY-MM-DD') numbered as they come, found through a table indexed by their digits, so
 * that a million spans hash no strings; anything else goes through the Interner's map.
 */
class DayInterner extends Interner {
  private readonly table = new Int32Array(DAY_KEYS).fill(-1);
  day(s: string): number {
    const k = dayKey(s);
    if (k < 0) return this.id(s);
    let i = this.table[k];
    if (i < 0) this.table[k] = i = this.id(s);
    return i;
  }
}

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1000; // keeps any sum negative
}

function dayKey(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3) - 1800;
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 0 || y >= 400 || m < 0 || m > 12 || d < 0 || d > 31) return -1;
  return (y * 13 + m) * 32 + d;
}

/** Whether the first `len` characters differ (as `a.slice(0, len) !== b.slice(0, len)`, without the copies). */
function prefixDiffers(a: string, b: string, len: number): boolean {
  if (a.length < len || b.length < len) return a.slice(0, len) !== b.slice(0, len);
  for (let i = 0; i < len; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return true;
  return false;
}

type DayBuckets = (Map<number, number> | undefined)[];

/** Adds `n` under day `day`, key `key` (area · 2 + sex): small maps per day keep the keys small integers. */
function bump(days: DayBuckets, day: number, key: number, n: number): void {
  let m = days[day];
  if (!m) days[day] = m = new Map();
  m.set(key, (m.get(key) ?? 0) + n);
}

/**
 * The population aggregates in compact form, with nothing written: the areas and days (sorted),
 * and per basis (in BASES order) the rows in primary-key order, as flat triples (day rank,
 * area rank · 2 + sex, delta) and pairs (area rank · 2 + sex, total). Typed arrays, so that a
 * thread can hand them over without copying (population-count-thread.ts).
 */
export interface PopulationCounts {
  areas: string[];
  days: string[];
  deltas: Int32Array[];
  totals: Int32Array[];
}

/** The spans with their person's sex, as every recount reads them. */
export const SPANS_WITH_SEX = `select s.start_date, s.end_date, s.hukou_area_code, s.residence_area_code, p.sex
    from person_spans s join persons p on p.id = s.person_id`;

/**
 * Counts the population aggregates from person_spans and persons as the connection sees them,
 * writing nothing. Returns null when a person's sex is neither 'M' nor 'F' (the validation never
 * lets one in): the caller then counts by SQL.
 */
export function countPopulation(sqlite: Database.Database): PopulationCounts | null {
  const counter = new PopulationCounter();
  const spans = sqlite.prepare(SPANS_WITH_SEX).raw(true);
  for (const row of spans.iterate() as Iterable<[string, string | null, string | null, string | null, string]>) {
    if (!counter.add(row[0], row[1], row[2], row[3], row[4])) return null;
  }
  return counter.result();
}

/** Sums the aggregates span by span (`add`), then gives them in compact form (`result`). */
export class PopulationCounter {
  private readonly areas = new Interner();
  private readonly days = new DayInterner();
  private readonly deltas: DayBuckets[] = BASES.map(() => []);
  private readonly totals: DayBuckets[] = BASES.map(() => []); // one bucket (day 0): area · 2 + sex
  private readonly on = [-1, -1, -1];

  /** One span of a person of sex `sex`; false (and nothing counted) for a sex other than 'M' or 'F'. */
  add(start: string, end: string | null, hukou: string | null, residence: string | null, sex: string): boolean {
    if (sex !== 'M' && sex !== 'F') return false;
    const { areas, days, on } = this;
    const male = sex === 'M' ? 1 : 0;
    const startDay = days.day(start);
    const endDay = end === null ? -1 : days.day(end);
    on[0] = hukou === null ? -1 : areas.id(hukou);
    on[2] = residence === null ? -1 : residence === hukou ? on[0] : areas.id(residence);
    // The migrant basis as `areaOf` in migration 004: the residence, outside the township of hukou.
    on[1] = -1;
    if (hukou !== null && residence !== null && hukou !== residence) {
      const len = hukou.length >= 9 && residence.length >= 9 ? 9 : 6;
      if (prefixDiffers(hukou, residence, len)) on[1] = on[2];
    }
    for (let b = 0; b < 3; b++) {
      const a = on[b];
      if (a < 0) continue;
      const key = a * 2 + male;
      bump(this.deltas[b], startDay, key, 1);
      if (endDay < 0) bump(this.totals[b], 0, key, 1);
      else bump(this.deltas[b], endDay, key, -1);
    }
    return true;
  }

  result(): PopulationCounts {
    return compact(this.areas, this.days, this.deltas, this.totals);
  }
}

function compact(areas: Interner, days: Interner, deltas: DayBuckets[], totals: DayBuckets[]): PopulationCounts {
  const area = areas.ranks();
  const day = days.ranks();
  const dayOrder = new Int32Array(day.rank.length); // rank → day number
  day.rank.forEach((r, d) => { dayOrder[r] = d; });
  const byRank = new Int32Array(area.rank.length); // rank → area number
  area.rank.forEach((r, a) => { byRank[r] = a; });
  const original = (ranked: number) => byRank[ranked >> 1] * 2 + (ranked & 1);
  /** The keys of one bucket in (area, sex) order, ranked: 'F' < 'M' as 0 < 1. */
  const ordered = (m: Map<number, number>) => [...m.keys()].map((k) => area.rank[k >> 1] * 2 + (k & 1)).sort((x, y) => x - y);
  const flat = (buckets: DayBuckets, withDay: boolean): Int32Array => {
    const width = withDay ? 3 : 2;
    const ranks = withDay ? dayOrder.length : 1;
    let size = 0;
    for (let r = 0; r < ranks; r++) size += buckets[withDay ? dayOrder[r] : 0]?.size ?? 0;
    const out = new Int32Array(size * width);
    let i = 0;
    for (let r = 0; r < ranks; r++) {
      const m = buckets[withDay ? dayOrder[r] : 0];
      if (!m) continue;
      for (const k of ordered(m)) {
        if (withDay) out[i++] = r;
        out[i++] = k;
        out[i++] = m.get(original(k))!;
      }
    }
    return out;
  };
  return {
    areas: area.sorted,
    days: day.sorted,
    deltas: deltas.map((d) => flat(d, true)),
    totals: totals.map((t) => flat(t, false)),
  };
}

/**
 * Empties stats_population_deltas and stats_population_totals and writes `counts` into them.
 * Run it inside the caller's transaction, on the connection that holds it, over the same
 * registry the counts were taken from. Rows go in in primary-key order, so the inserts append.
 * A sum of zero is kept as a row, as the SQL keeps it.
 */
export function writePopulationCounts(sqlite: Database.Database, counts: PopulationCounts): void {
  sqlite.prepare('delete from stats_population_deltas').run();
  sqlite.prepare('delete from stats_population_totals').run();
  const insertDelta = rowsWriter(sqlite, 'stats_population_deltas (basis, date, area_code, sex, delta)', 5);
  const insertTotal = rowsWriter(sqlite, 'stats_population_totals (basis, area_code, sex, total)', 4);
  eachCountRow(counts, (basis, date, area, sex, n) => insertDelta.add(basis, date, area, sex, n), (basis, area, sex, n) => insertTotal.add(basis, area, sex, n));
  insertDelta.end();
  insertTotal.end();
}

/** The rows of `counts`, basis by basis in primary-key order: deltas (basis, date, area, sex, n) and totals (basis, area, sex, n). */
export function eachCountRow(
  counts: PopulationCounts,
  delta: (basis: string, date: string, area: string, sex: 'M' | 'F', n: number) => void,
  total: (basis: string, area: string, sex: 'M' | 'F', n: number) => void,
): void {
  const { areas, days } = counts;
  const sexOf = (k: number) => (k & 1 ? 'M' : 'F');
  BASES.forEach((basis, b) => {
    const d = counts.deltas[b];
    for (let i = 0; i < d.length; i += 3) delta(basis, days[d[i]], areas[d[i + 1] >> 1], sexOf(d[i + 1]), d[i + 2]);
    const t = counts.totals[b];
    for (let i = 0; i < t.length; i += 2) total(basis, areas[t[i] >> 1], sexOf(t[i]), t[i + 1]);
  });
}

/**
 * Empties and fills stats_population_deltas and stats_population_totals from person_spans and
 * persons, inside the caller's transaction on the connection that holds it. Returns false,
 * having written nothing, when countPopulation declines.
 */
export function recountPopulation(sqlite: Database.Database): boolean {
  const counts = countPopulation(sqlite);
  if (!counts) return false;
  writePopulationCounts(sqlite, counts);
  return true;
}

/** Inserts rows ROWS at a time with one multi-row statement (half the time of one row per call for these narrow rows). */
const ROWS = 100;
function rowsWriter(sqlite: Database.Database, into: string, width: number) {
  const tuple = `(${Array(width).fill('?').join(', ')})`;
  const many = sqlite.prepare(`insert into ${into} values ${Array(ROWS).fill(tuple).join(', ')}`);
  const one = sqlite.prepare(`insert into ${into} values ${tuple}`);
  const params: unknown[] = new Array(ROWS * width);
  let n = 0;
  return {
    add(...values: unknown[]): void {
      for (let c = 0; c < width; c++) params[n * width + c] = values[c];
      if (++n === ROWS) { many.run(params); n = 0; }
    },
    end(): void {
      for (let i = 0; i < n; i++) one.run(params.slice(i * width, (i + 1) * width));
      n = 0;
    },
  };
}
