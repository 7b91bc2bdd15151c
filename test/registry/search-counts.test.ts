// Search totals are remembered briefly (search-counts.ts): they must never cross from one area
// or scope to another, and a change through the registry services must show at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { addEvent, registerBirth } from '../../src/registry/events/events.service.ts';
import { searchPersons, updatePerson, type SearchInput } from '../../src/registry/persons/persons.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { AREAS, makePerson } from '../support/factories.ts';

describe.each(DIALECTS)('search totals on %s', (dialect) => {
  let t: TestDb;
  const village = systemActor(AREAS.jingzhong);
  const township = systemActor(AREAS.chengxiang);
  const total = async (actor: typeof village, s: Partial<SearchInput> = {}) => (await searchPersons(t.ctx, actor, { q: '计数', page: 1, pageSize: 20, ...s })).total;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    await makePerson(t.ctx, { name: '计数甲', sex: 'F', birthDate: '1990-05-01', hukouAreaCode: AREAS.jingzhong });
    await makePerson(t.ctx, { name: '计数乙', sex: 'M', birthDate: '1960-05-01', hukouAreaCode: AREAS.jingzhong });
    await makePerson(t.ctx, { name: '计数丙', sex: 'F', birthDate: '1991-05-01', hukouAreaCode: AREAS.jiefang });
    await makePerson(t.ctx, { name: '计数丁', sex: 'F', birthDate: '1992-05-01', hukouAreaCode: `${AREAS.youxianTown}001` });
  });
  afterAll(async () => t.dispose());

  it('keeps each area and scope to its own total', async () => {
    expect(await total(village)).toBe(2);
    expect(await total(township)).toBe(3);
    expect(await total(village)).toBe(2);
    expect(await total(township, { area: AREAS.jingzhong })).toBe(2);
    expect(await total(systemActor(AREAS.city))).toBe(4);
    // Filters are part of the remembered search, the page is not.
    expect(await total(township, { sex: 'M' })).toBe(1);
    expect(await total(township, { q: undefined, ageMin: 30, ageMax: 40 })).toBe(2);
    expect(await total(township, { q: undefined, ageMin: 30, ageMax: 40, page: 2 })).toBe(2);
    expect(await total(township, { q: undefined, ageMin: 60, ageMax: 70, basis: 'residence' })).toBe(1);
  });

  it('counts afresh after a person is created, edited or has an event', async () => {
    expect(await total(village)).toBe(2);
    const p = await makePerson(t.ctx, { name: '计数戊', sex: 'M', birthDate: '1995-05-01', hukouAreaCode: AREAS.jingzhong });
    expect(await total(village)).toBe(3);
    expect(await total(village, { status: 'alive' })).toBe(3);
    await addEvent(t.ctx, village, p.id, { kind: 'death', date: '2024-01-01', areaCode: AREAS.jingzhong });
    expect(await total(village, { status: 'alive' })).toBe(2);
    await updatePerson(t.ctx, village, p.id, { version: p.version + 1, name: '统计戊' });
    expect(await total(village)).toBe(2);
    const mother = await makePerson(t.ctx, { name: '计数母', sex: 'F', birthDate: '1994-05-01', hukouAreaCode: AREAS.jingzhong });
    expect(await total(township)).toBe(4);
    await registerBirth(t.ctx, village, { name: '计数宝', sex: 'M', date: '2024-06-01', areaCode: AREAS.jingzhong, motherId: mother.id });
    expect(await total(township)).toBe(5);
  });
});
