// Statistics figures (issue 3): the indicator table of the city and its districts and of a
// district and its townships, the first page of a drill-through, and the same one-year figures
// as one hand-written SQL aggregation over the spans and events (the baseline, same run).
import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { drillThrough, statsTable } from '../../src/stats/stats.service.ts';
import { bootSqlite, REGION } from '../data/city.ts';
import { step } from '../lib/log.ts';
import { median } from '../lib/stats.ts';
import type { FigureRow } from '../report/results.ts';
import type { BenchPart } from './part.ts';

const YEAR = '2025';
const RUNS = 7;

async function timed(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await fn(); // warm-up: statement preparation and the first page reads
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ms);
}

const baselineSql = (area: string, from: string, to: string, before: string) => `
  with pop as (
    select substr(s.hukou_area_code, 1, 6) as d,
      sum(case when s.start_date <= '${before}' and (s.end_date is null or s.end_date > '${before}') then 1 else 0 end) as p0,
      sum(case when s.start_date <= '${to}' and (s.end_date is null or s.end_date > '${to}') then 1 else 0 end) as p1
    from person_spans s
    where s.hukou_area_code >= '${area}' and s.hukou_area_code < '${String(Number(area) + 1)}'
    group by 1),
  vital as (
    select substr(e.area_code, 1, 6) as d, sum(e.kind = 'birth') as b, sum(e.kind = 'death') as de,
      sum(e.kind = 'birth' and p.sex = 'M') as bm, sum(e.kind = 'birth' and p.sex = 'F') as bf, sum(e.kind = 'birth' and e.parity >= 3) as b3
    from population_events e join persons p on p.id = e.person_id
    where e.kind in ('birth', 'death') and e.date between '${from}' and '${to}'
      and e.area_code >= '${area}' and e.area_code < '${String(Number(area) + 1)}'
    group by 1)
  select pop.d, p0, p1, b, de, bm, bf, b3, 1000.0 * b / ((p0 + p1) / 2.0) as birth_rate, 1000.0 * (b - de) / ((p0 + p1) / 2.0) as growth,
    100.0 * bm / nullif(bf, 0) as sex_ratio, 100.0 * b3 / nullif(b, 0) as multi
  from pop left join vital on vital.d = pop.d`;

const part: BenchPart = {
  name: 'stats',
  description: 'statistics: indicator tables (city + districts, district + townships), drill-through, vs one hand-written SQL',
  async run({ ws, persons, notes }): Promise<FigureRow[]> {
    const copy = path.join(ws.root, 'stats-city.db');
    for (const ext of ['', '-wal', '-shm']) fs.rmSync(copy + ext, { force: true });
    fs.copyFileSync(ws.cityDb, copy);
    step('  statistics: migrating a copy of the city (aggregates backfilled when the city predates them)');
    const ctx = await bootSqlite(copy);
    try {
      const actor = systemActor('');
      const districts = ctx.areas.childrenOf(REGION);
      const biggest = (await ctx.db.kysely.selectFrom('stats_population_totals').select(['area_code', 'total']).where('basis', '=', 'hukou').execute())
        .reduce((m, r) => m.set(r.area_code.slice(0, 6), (m.get(r.area_code.slice(0, 6)) ?? 0) + Number(r.total)), new Map<string, number>());
      const district = [...biggest].sort((a, b) => b[1] - a[1])[0]?.[0] ?? districts[0].code;
      const city = () => statsTable(ctx, actor, { area: REGION, period: YEAR });
      const county = () => statsTable(ctx, actor, { area: district, period: YEAR });
      step(`  statistics: the ${YEAR} table of ${REGION} and its ${districts.length} districts`);
      const cityMs = await timed(city);
      const townships = ctx.areas.childrenOf(district).length;
      step(`  statistics: the ${YEAR} table of ${district} and its ${townships} townships`);
      const countyMs = await timed(county);
      step('  statistics: drill-through first page (births of the city)');
      const drillMs = await timed(() => drillThrough(ctx, actor, { area: REGION, period: YEAR, measure: 'births', page: 1, pageSize: 20 }));
      step('  statistics: the same figures as one hand-written SQL aggregation');
      const sqlite = ctx.db.sqlite!;
      const st = sqlite.prepare(baselineSql(REGION, `${YEAR}-01-01`, `${YEAR}-12-31`, `${Number(YEAR) - 1}-12-31`));
      const baseMs = await timed(async () => st.all(), 3);
      // Exactness on the real city: the aggregates against a recount from the spans.
      const fromSpans = await statsTable(ctx, actor, { area: REGION, period: YEAR, source: 'spans' });
      const fast = await city();
      const same = JSON.stringify(fast.rows) === JSON.stringify(fromSpans.rows);
      notes.push(`stats: the ${YEAR} table from the aggregates ${same ? 'equals' : 'DIFFERS FROM'} the recount from the spans (${fast.rows.length} rows, all indicators)`);
      const baseRows = st.all() as { d: string; p1: number; b: number }[];
      const cityRow = fast.rows[0].values;
      notes.push(`stats: city ${YEAR}: population at the end ${cityRow.population_end.value}, births ${cityRow.births.value}, birth rate ${cityRow.birth_rate.value}‰; baseline SQL: population ${baseRows.reduce((s, r) => s + Number(r.p1), 0)}, births ${baseRows.reduce((s, r) => s + Number(r.b ?? 0), 0)}`);
      const n = persons.toLocaleString('en-US');
      return [
        { figure: `Stats: all indicators, city + ${districts.length} districts, one year (${n} persons)`, measured: `${cityMs.toFixed(1)} ms`, goal: '≤ 300 ms', ratio: `${(cityMs / baseMs).toFixed(2)} × hand SQL`, status: cityMs <= 300 && same ? 'pass' : 'FAIL' },
        { figure: `Stats: all indicators, district ${district} + ${townships} townships`, measured: `${countyMs.toFixed(1)} ms`, goal: '≤ 300 ms', ratio: '—', status: countyMs <= 300 ? 'pass' : 'FAIL' },
        { figure: 'Stats: drill-through first page (births of the city, one year)', measured: `${drillMs.toFixed(1)} ms`, goal: '≤ 100 ms', ratio: '—', status: drillMs <= 100 ? 'pass' : 'FAIL' },
        { figure: 'Stats: one hand-written SQL aggregation of the same year (baseline)', measured: `${baseMs.toFixed(1)} ms`, goal: '—', ratio: `table / SQL = ${(cityMs / baseMs).toFixed(2)}`, status: 'info' },
      ];
    } finally {
      await ctx.db.close();
      for (const ext of ['', '-wal', '-shm']) fs.rmSync(copy + ext, { force: true });
    }
  },
};

export default part;
