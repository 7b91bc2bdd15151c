// Population at any date, counted from spans derived from events, on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvent, deleteEvent, registerBirth, updateEvent } from '../../src/registry/events/events.service.ts';
import { populationAt } from '../../src/registry/population/population.service.ts';
import { getPersonQuiet } from '../../src/registry/persons/persons.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { admin, AREAS, makePerson } from '../support/factories.ts';

const A = AREAS.jingzhong; // 城厢街道警钟街社区
const B = AREAS.jiefang; // 城厢街道解放街社区 (same township)
const C = `${AREAS.youxianTown}001`; // 游仙区

describe.each(DIALECTS)('population at a date on %s', (dialect) => {
  let t: TestDb;
  const pop = async (area: string, date: string, basis: 'hukou' | 'residence' = 'hukou') => (await populationAt(t.ctx, admin(), area, date, basis)).total;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    const ctx = t.ctx;
    // Two residents of A since birth.
    const mother = await makePerson(ctx, { name: '母亲', sex: 'F', birthDate: '1990-01-01', hukouAreaCode: A });
    const elder = await makePerson(ctx, { name: '老人', sex: 'M', birthDate: '1940-05-05', hukouAreaCode: A });
    // A newborn in A on 2020-06-30, who dies the same year on 2020-12-31 (last day of the year).
    const { person: baby } = await registerBirth(ctx, admin(), { name: '婴儿', sex: 'M', date: '2020-06-30', areaCode: A, motherId: mother.id });
    await addEvent(ctx, admin(), baby.id, { kind: 'death', date: '2020-12-31', areaCode: A });
    // The elder dies on 2021-01-01.
    await addEvent(ctx, admin(), elder.id, { kind: 'death', date: '2021-01-01', areaCode: A });
    // A mover: registered in B since birth, moves hukou to C on 2022-03-01.
    const mover = await makePerson(ctx, { name: '迁移者', sex: 'F', birthDate: '1985-02-02', hukouAreaCode: B });
    await addEvent(ctx, admin(), mover.id, { kind: 'move_in', date: '2022-03-01', areaCode: C, fromAreaCode: B });
    // Someone from Beijing moves in to A on 2023-07-01 and moves out on 2024-07-01.
    const guest = await makePerson(ctx, { name: '外来者', sex: 'M', birthDate: '1995-03-03', hukouAreaCode: A });
    await addEvent(ctx, admin(), guest.id, { kind: 'move_in', date: '2023-07-01', areaCode: A, fromAreaCode: '110105' });
    await addEvent(ctx, admin(), guest.id, { kind: 'move_out', date: '2024-07-01', areaCode: A });
    // A migrant: hukou in A, living in C from 2021-05-01.
    const migrant = await makePerson(ctx, { name: '流动者', sex: 'F', birthDate: '1992-04-04', hukouAreaCode: A });
    await addEvent(ctx, admin(), migrant.id, { kind: 'residence_change', date: '2021-05-01', areaCode: C });
  });
  afterAll(async () => t.dispose());

  it('counts a birth from its day and a death until the day before', async () => {
    expect(await pop(A, '2020-06-29')).toBe(3); // mother, elder, migrant
    expect(await pop(A, '2020-06-30')).toBe(4); // + the newborn at 24:00 of the day of birth
    expect(await pop(A, '2020-12-30')).toBe(4);
    expect(await pop(A, '2020-12-31')).toBe(3); // the newborn died on the last day: not there at 24:00
    expect(await pop(A, '2021-01-01')).toBe(2); // the elder died
  });

  it('moves a person between areas on the day of the move', async () => {
    expect(await pop(B, '2022-02-28')).toBe(1);
    expect(await pop(B, '2022-03-01')).toBe(0);
    expect(await pop(C, '2022-02-28')).toBe(0);
    expect(await pop(C, '2022-03-01')).toBe(1);
    // The township of A and B holds the mover until the move, the district of C after it.
    expect(await pop(AREAS.chengxiang, '2022-02-28')).toBe(3);
    expect(await pop(AREAS.chengxiang, '2022-03-01')).toBe(2);
    expect(await pop(AREAS.city, '2022-03-01')).toBe(3); // the city keeps her
  });

  it('counts a person who moved in only while registered', async () => {
    expect(await pop(A, '2023-06-30')).toBe(2);
    expect(await pop(A, '2023-07-01')).toBe(3);
    expect(await pop(A, '2024-06-30')).toBe(3);
    expect(await pop(A, '2024-07-01')).toBe(2);
  });

  it('differs between the hukou and resident bases exactly as the spans say', async () => {
    expect(await pop(A, '2021-04-30', 'residence')).toBe(2); // mother, migrant
    expect(await pop(A, '2021-05-01', 'residence')).toBe(1);
    expect(await pop(A, '2021-05-01', 'hukou')).toBe(2);
    expect(await pop(C, '2021-05-01', 'residence')).toBe(1);
    expect(await pop(C, '2021-05-01', 'hukou')).toBe(0);
  });

  it('recomputes after a backdated correction and a removed event', async () => {
    const list = await t.ctx.db.kysely.selectFrom('persons').selectAll().where('name', '=', '老人').execute();
    const elder = await getPersonQuiet(t.ctx, admin(), list[0].id);
    const death = elder.events.find((e) => e.kind === 'death')!;
    expect(elder.status).toBe('dead');
    await updateEvent(t.ctx, admin(), death.id, { version: death.version, date: '2020-01-01' });
    expect(await pop(A, '2020-06-29')).toBe(2);
    await deleteEvent(t.ctx, admin(), death.id, death.version + 1);
    expect(await pop(A, '2026-01-01')).toBe(3);
    expect((await getPersonQuiet(t.ctx, admin(), elder.id)).status).toBe('alive');
  });
});
