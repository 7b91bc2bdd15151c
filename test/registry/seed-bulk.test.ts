// Seeding a large population into an empty SQLite registry (the demo city at first start) drops
// the search indexes and the aggregate triggers while it writes and restores both at the end,
// the aggregates counted from the spans: the figures equal those the triggers would keep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { BULK_MIN_ROWS } from '../../src/registry/imports/bulk-load.ts';
import { seedPopulation } from '../../src/registry/seed/seed.service.ts';
import { statsTable } from '../../src/stats/stats.service.ts';
import { createTestContext, type TestDb } from '../support/dialects.ts';
import { admin } from '../support/factories.ts';

describe('seeding in bulk on sqlite', () => {
  let t: TestDb;
  const derived = () => t.ctx.db.sqlite!.prepare("select name from sqlite_master where sql is not null and ((type = 'index' and tbl_name in ('persons', 'person_spans')) or (type = 'trigger' and tbl_name in ('persons', 'person_spans', 'population_events'))) order by name").pluck().all();
  beforeAll(async () => { t = await createTestContext('sqlite'); });
  afterAll(async () => t.dispose());

  it('builds indexes and triggers again and counts the aggregates exactly', async () => {
    const before = derived();
    t.ctx.db.sqlite!.pragma('threads = 1');
    let seen: unknown[] | null = null;
    await seedPopulation(t.ctx, systemActor(''), { region: '5107', persons: BULK_MIN_ROWS, seed: 3 }, (done) => { seen ??= done > 0 ? derived() : null; });
    expect(seen).toEqual(['stats_spans_person_dates']); // the rest dropped while writing; this one grows at its end
    expect(derived()).toEqual(before);
    expect(t.ctx.db.sqlite!.pragma('threads', { simple: true }), 'the sorter threads used for the index builds are given back').toBe(1);
    expect(before).toContain('stats_vital_events_insert');
    // births and deaths counted at the end (migration 006) equal a count event by event (below)
    for (const period of ['2015', '2023S1', '2026']) {
      for (const basis of ['hukou', 'resident'] as const) {
        const q = { area: '5107', period, basis, indicators: ['population_end', 'mean_population', 'births', 'deaths', 'birth_rate'] };
        const fast = await statsTable(t.ctx, admin(), q);
        const slow = await statsTable(t.ctx, admin(), { ...q, source: 'spans' });
        expect(fast.rows, `${period} ${basis}`).toEqual(slow.rows);
        expect(fast.rows[0].values.population_end.value).toBeGreaterThan(BULK_MIN_ROWS * 0.5);
      }
    }
  }, 120_000);
});
