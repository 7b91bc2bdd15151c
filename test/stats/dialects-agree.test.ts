// SQLite and PostgreSQL give identical figures for the same data: the whole table of every
// indicator, for several areas, periods and both bases, compared between the two databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { birthsBreakdown, statsTable } from '../../src/stats/stats.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { admin, AREAS } from '../support/factories.ts';
import { A, buildPopulation } from './fixture.ts';

describe.runIf(DIALECTS.includes('postgres'))('SQLite and PostgreSQL agree', () => {
  let lite: TestDb;
  let pg: TestDb;
  beforeAll(async () => {
    lite = await createTestContext('sqlite');
    pg = await createTestContext('postgres');
    await buildPopulation(lite.ctx);
    await buildPopulation(pg.ctx);
  });
  afterAll(async () => { await lite?.dispose(); await pg?.dispose(); });

  it('on every indicator of every row', async () => {
    let compared = 0;
    for (const area of ['5107', AREAS.fucheng, AREAS.chengxiang, A]) {
      for (const period of ['2023', '2023S1', '2023Q3', '2023FP', '2010-01-01..2015-12-31']) {
        for (const basis of ['hukou', 'resident'] as const) {
          for (const annualise of [false, true]) {
            const q = { area, period, basis, annualise };
            const a = await statsTable(lite.ctx, admin(), q);
            const b = await statsTable(pg.ctx, admin(), q);
            expect(b.rows, JSON.stringify(q)).toEqual(a.rows);
            compared += a.rows.length;
          }
        }
      }
      const q = { area, period: '2023' };
      expect(await birthsBreakdown(pg.ctx, admin(), q)).toEqual(await birthsBreakdown(lite.ctx, admin(), q));
    }
    expect(compared).toBeGreaterThan(100);
  });
});
