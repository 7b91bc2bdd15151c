// Test data through the real services.
import type { AppContext } from '../../src/platform/context.ts';
import { systemActor, type Actor } from '../../src/platform/auth/roles.ts';
import { createUser } from '../../src/platform/auth/users.service.ts';
import type { Role } from '../../src/platform/db/schema.ts';
import { makeIdNumber } from '../../src/registry/id-number.ts';
import { createPerson } from '../../src/registry/persons/persons.service.ts';
import type { PersonCreateInput } from '../../src/registry/persons/person-input.ts';

// Real areas of 绵阳市 used throughout the tests.
export const AREAS = {
  city: '5107',
  fucheng: '510703', // 涪城区
  youxian: '510704', // 游仙区
  chengxiang: '510703001', // 涪城区城厢街道
  gongqu: '510703003', // 涪城区工区街道
  jingzhong: '510703001003', // 城厢街道警钟街社区
  jiefang: '510703001008', // 城厢街道解放街社区
  youxianTown: '510704001',
};

export const admin = (): Actor => systemActor('5107');

let seq = 100;
export function idFor(birthDate: string, sex: 'M' | 'F', address = '510703'): string {
  seq += 2;
  return makeIdNumber(address, birthDate, sex === 'M' ? seq + 1 : seq);
}

export async function makePerson(ctx: AppContext, over: Partial<PersonCreateInput> = {}, actor: Actor = admin()) {
  const sex = over.sex ?? 'F';
  const birthDate = over.birthDate ?? '1985-06-15';
  return createPerson(ctx, actor, {
    idNumber: over.idNumber === undefined ? idFor(birthDate, sex) : over.idNumber,
    name: over.name ?? '测试人员',
    sex,
    birthDate,
    hukouAreaCode: over.hukouAreaCode ?? AREAS.jingzhong,
    ...over,
  } as PersonCreateInput);
}

let userSeq = 0;
export async function makeUser(ctx: AppContext, role: Role, areaCode: string) {
  const username = `${role.replace('_', '')}${++userSeq}`;
  const password = 'Passw0rd!test';
  const user = await createUser(ctx, systemActor(''), { username, displayName: username, password, role, areaCode });
  return { ...user, password };
}
