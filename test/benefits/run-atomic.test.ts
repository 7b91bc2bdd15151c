// An eligibility run replaces the cycle's pending lines in one transaction: when writing the new
// lines fails half-way (here a trigger refuses them, as a crash would stop them), the previous
// roster is still there whole, and no audit row claims a run that did not happen.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEligibility } from '../../src/benefits/run.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { admin, AREAS } from '../support/factories.ts';
import { specialAidFamilies } from './families.ts';

describe.each(DIALECTS)('an eligibility run failing half-way on %s', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestContext(dialect);
    await specialAidFamilies(t.ctx);
  });
  afterAll(async () => t.dispose());

  const db = () => t.ctx.db.kysely;
  const roster = async () => (await db().selectFrom('benefit_lines').select(['person_id', 'kind', 'stage']).orderBy('person_id').execute());
  const runs = async () => Number((await db().selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'benefits.run').executeTakeFirstOrThrow()).n);
  const run = () => runEligibility(t.ctx, admin(), { programme: 'specialAid', area: AREAS.fucheng, year: 2026 });

  it('keeps the previous roster whole', async () => {
    const first = await run();
    const before = await roster();
    expect(before.length).toBe(first.new + first.continuing + first.leaving);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((l) => l.stage === 'pending')).toBe(true);
    const audited = await runs();

    if (dialect === 'sqlite') {
      await sql`create trigger fail_lines before insert on benefit_lines begin select raise(abort, 'simulated crash'); end`.execute(db());
    } else {
      await sql`create function fail_lines_fn() returns trigger language plpgsql as $$ begin raise exception 'simulated crash'; end $$`.execute(db());
      await sql`create trigger fail_lines before insert on benefit_lines for each row execute function fail_lines_fn()`.execute(db());
    }
    await expect(run()).rejects.toThrow(/simulated crash/);
    expect(await roster()).toEqual(before);
    expect(await runs()).toBe(audited);

    await sql`drop trigger fail_lines${sql.raw(dialect === 'postgres' ? ' on benefit_lines' : '')}`.execute(db());
    const again = await run();
    expect(again).toMatchObject({ new: first.new, continuing: first.continuing, leaving: first.leaving });
    expect(await roster()).toEqual(before);
    expect(await runs()).toBe(audited + 1);
  });
});
