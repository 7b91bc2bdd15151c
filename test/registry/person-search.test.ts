// The person list reads different indexes by the kind of text and the size of the area
// (person-search.repository.ts): every plan must find the same persons, in the same order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { searchPersons, type SearchInput } from '../../src/registry/persons/persons.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { AREAS, makePerson } from '../support/factories.ts';

describe.each(DIALECTS)('person search plans on %s', (dialect) => {
  let t: TestDb;
  const names = async (actor: ReturnType<typeof systemActor>, s: Partial<SearchInput>) => {
    const page = await searchPersons(t.ctx, actor, { page: 1, pageSize: 20, ...s });
    return { names: page.items.map((i) => i.name), total: page.total };
  };

  beforeAll(async () => {
    t = await createTestContext(dialect);
    const elsewhere = `${AREAS.youxianTown}001`;
    await makePerson(t.ctx, { name: '欧阳乙', hukouAreaCode: AREAS.jingzhong });
    await makePerson(t.ctx, { name: '欧甲', hukouAreaCode: AREAS.jingzhong, residenceAreaCode: AREAS.jingzhong });
    // Living apart from the hukou (both are migrants): found through either area.
    await makePerson(t.ctx, { name: '欧丙', hukouAreaCode: elsewhere, residenceAreaCode: AREAS.jingzhong });
    await makePerson(t.ctx, { name: '欧丁', hukouAreaCode: AREAS.jingzhong, residenceAreaCode: elsewhere });
    await makePerson(t.ctx, { name: '欧戊', hukouAreaCode: AREAS.jiefang }); // the next village
    await makePerson(t.ctx, { name: '欧己', hukouAreaCode: elsewhere }); // outside the township
    await makePerson(t.ctx, { name: '区甲', hukouAreaCode: AREAS.jingzhong });
  });
  afterAll(async () => t.dispose());

  it('finds a surname in a village, a township and the city alike', async () => {
    const inVillage = ['欧丁', '欧丙', '欧甲', '欧阳乙']; // code-point order: 丁 < 丙 < 甲 < 阳
    const village = systemActor(AREAS.jingzhong), city = systemActor(AREAS.city);
    expect(await names(village, { q: '欧' })).toEqual({ names: inVillage, total: 4 });
    expect(await names(city, { q: '欧', area: AREAS.jingzhong })).toEqual({ names: inVillage, total: 4 });
    expect(await names(city, { q: '欧', area: AREAS.chengxiang })).toEqual({ names: [...inVillage, '欧戊'].sort(), total: 5 });
    expect(await names(city, { q: '欧' })).toEqual({ names: [...inVillage, '欧戊', '欧己'].sort(), total: 6 });
    // Two characters lead with the name index; the filters apply on every plan.
    expect(await names(village, { q: '欧阳' })).toEqual({ names: ['欧阳乙'], total: 1 });
    expect(await names(city, { q: '欧', area: AREAS.chengxiang, migrant: true })).toEqual({ names: ['欧丁', '欧丙'], total: 2 });
    expect(await names(village, { q: '欧', migrant: false })).toEqual({ names: ['欧甲', '欧阳乙'], total: 2 });
    expect(await names(city, { q: '欧', area: AREAS.jingzhong, pageSize: 2, page: 2 })).toEqual({ names: inVillage.slice(2), total: 4 });
  });
});
