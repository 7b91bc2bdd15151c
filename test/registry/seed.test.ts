// `renkou seed` / the demo city, stored on both dialects: valid synthetic ID numbers, derived
// state consistent with the stored spans, and special families (an only child who died or is
// disabled, with a 残疾等级) for the benefit programmes.
import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { parseIdNumber } from '../../src/registry/id-number.ts';
import { seedPopulation, type SeedSummary } from '../../src/registry/seed/seed.service.ts';
import { createTestContext, DIALECTS, TEST_TODAY, type TestDb } from '../support/dialects.ts';

describe.each(DIALECTS)('seeding on %s', (dialect) => {
  let t: TestDb;
  let summary: SeedSummary;
  const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.ctx.db.kysely)).rows;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    summary = await seedPopulation(t.ctx, systemActor(''), { region: '5107', persons: 6000, seed: 11 });
  });
  afterAll(async () => { await t?.dispose(); });

  it('stores the persons it reports, all synthetic, with valid unique ID numbers', async () => {
    const [row] = await q(sql<{ n: number; synthetic: number; ids: number }>`select count(*) as n, sum(synthetic) as synthetic, count(distinct id_number) as ids from persons`);
    expect(Number(row!.n)).toBe(summary.persons);
    expect(Number(row!.synthetic)).toBe(summary.persons);
    const sample = await q(sql<{ id_number: string; birth_date: string; sex: string }>`select id_number, birth_date, sex from persons where id_number is not null order by id limit 500`);
    for (const p of sample) {
      const parsed = parseIdNumber(p.id_number, TEST_TODAY);
      expect(parsed.ok, p.id_number).toBe(true);
      if (parsed.ok) expect([parsed.info.birthDate, parsed.info.sex]).toEqual([p.birth_date, p.sex]);
    }
    const [withId] = await q(sql<{ n: number }>`select count(*) as n from persons where id_number is not null`);
    expect(Number(row!.ids)).toBe(Number(withId!.n));
  });

  it('keeps every living person inside a current span and no one born after today', async () => {
    const [late] = await q(sql<{ n: number }>`select count(*) as n from persons where birth_date > ${TEST_TODAY}`);
    expect(Number(late!.n)).toBe(0);
    const [noSpan] = await q(sql<{ n: number }>`select count(*) as n from persons p where p.status = 'alive'
      and not exists (select 1 from person_spans s where s.person_id = p.id and s.end_date is null and s.hukou_area_code = p.hukou_area_code)`);
    expect(Number(noSpan!.n)).toBe(0);
  });

  it('has disabled only children with a grade 1–4 and mothers aged 49 or more', async () => {
    expect(summary.disabled).toBeGreaterThan(0);
    const rows = await q(sql<{ grade: number; mother_birth: string; siblings: number }>`
      select c.disability_grade as grade, m.birth_date as mother_birth,
        (select count(*) from persons s where s.mother_id = c.mother_id) as siblings
      from persons c join persons m on m.id = c.mother_id where c.disability_grade is not null`);
    expect(rows.length).toBe(summary.disabled);
    for (const r of rows) {
      expect(Number(r.grade)).toBeGreaterThanOrEqual(1);
      expect(Number(r.grade)).toBeLessThanOrEqual(4);
      expect(Number(r.siblings)).toBe(1);
      expect(r.mother_birth <= `${Number(TEST_TODAY.slice(0, 4)) - 49}${TEST_TODAY.slice(4)}`).toBe(true);
    }
  });

  it('has only children who died, whose mothers had no further child', async () => {
    const rows = await q(sql<{ n: number }>`select count(*) as n from persons c
      where c.status = 'dead' and c.mother_id is not null
        and (select count(*) from persons s where s.mother_id = c.mother_id) = 1`);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });
});

describe('`renkou seed`', () => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestContext('sqlite'); });
  afterAll(async () => { await t?.dispose(); });
  const run = (...args: string[]) => spawnSync(process.execPath, ['bin/renkou.mjs', 'seed', ...args], {
    env: { ...process.env, DATABASE_URL: t.url, RENKOU_AREA_PROVINCES: '5107', RENKOU_DEMO: '0' }, encoding: 'utf8',
  });

  it('seeds once, prints a summary, then refuses a second run and bad options with clear errors', () => {
    const first = run('--region', '510703', '--persons', '800', '--seed', '5');
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout.trim().split('\n').at(-1)!)).toMatchObject({ region: '510703', persons: 800 });
    const again = run('--region', '510704', '--persons', '800', '--seed', '5');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已有合成');
    expect(run('--persons', '2k').stderr).toContain('--persons 须为不小于 1 的整数');
    expect(run('--region', '519999', '--persons', '5').stderr).toContain('未知的区划代码 519999');
  });
});
