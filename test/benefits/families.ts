// Families of 涪城区 (and one of 游仙区) for the benefit-cycle suites, made through the registry's
// services: parents of an only child who is disabled or died, so special aid finds them.
import type { AppContext } from '../../src/platform/context.ts';
import { addEvent } from '../../src/registry/events/events.service.ts';
import { admin, AREAS, makePerson } from '../support/factories.ts';

export async function specialAidFamilies(ctx: AppContext) {
  const gongquVillage = ctx.areas.childrenOf(AREAS.gongqu)[0].code;
  const youxianVillage = ctx.areas.childrenOf(AREAS.youxianTown)[0].code;
  // A: rural couple in 警钟街社区, only child disabled grade 2
  const motherA = await makePerson(ctx, { name: '王秀英', sex: 'F', birthDate: '1960-03-01', hukouType: 'rural', hukouAreaCode: AREAS.jingzhong });
  const fatherA = await makePerson(ctx, { name: '李建国', sex: 'M', birthDate: '1958-07-01', hukouType: 'rural', hukouAreaCode: AREAS.jingzhong, spouseId: motherA.id });
  await makePerson(ctx, { name: '李小明', sex: 'M', birthDate: '1985-05-05', hukouType: 'rural', hukouAreaCode: AREAS.jingzhong, motherId: motherA.id, fatherId: fatherA.id, disabilityGrade: 2 });
  // B: urban mother in 解放街社区 whose only child died
  const motherB = await makePerson(ctx, { name: '张桂兰', sex: 'F', birthDate: '1962-09-09', hukouType: 'urban', hukouAreaCode: AREAS.jiefang });
  const childB = await makePerson(ctx, { name: '张伟', sex: 'M', birthDate: '1988-02-02', hukouType: 'urban', hukouAreaCode: AREAS.jiefang, motherId: motherB.id });
  await addEvent(ctx, admin(), childB.id, { kind: 'death', date: '2020-05-01', areaCode: AREAS.jiefang });
  // C: rural mother in 工区街道, turning 49 in 2026, only child disabled grade 1
  const motherC = await makePerson(ctx, { name: '赵红梅', sex: 'F', birthDate: '1977-05-01', hukouType: 'rural', hukouAreaCode: gongquVillage });
  await makePerson(ctx, { name: '赵小军', sex: 'M', birthDate: '2000-01-01', hukouType: 'rural', hukouAreaCode: gongquVillage, motherId: motherC.id, disabilityGrade: 1 });
  // D: grade 4 is not enough
  const motherD = await makePerson(ctx, { name: '陈丽', sex: 'F', birthDate: '1955-01-01', hukouType: 'rural', hukouAreaCode: AREAS.jingzhong });
  await makePerson(ctx, { name: '陈刚', sex: 'M', birthDate: '1980-01-01', hukouType: 'rural', hukouAreaCode: AREAS.jingzhong, motherId: motherD.id, disabilityGrade: 4 });
  // E: another county (游仙区)
  const motherE = await makePerson(ctx, { name: '刘芳', sex: 'F', birthDate: '1960-01-01', hukouType: 'rural', hukouAreaCode: youxianVillage });
  await makePerson(ctx, { name: '刘洋', sex: 'M', birthDate: '1985-01-01', hukouType: 'rural', hukouAreaCode: youxianVillage, motherId: motherE.id, disabilityGrade: 1 });
  return { motherA, fatherA, motherB, motherC, motherD, motherE, gongquVillage, youxianVillage };
}
