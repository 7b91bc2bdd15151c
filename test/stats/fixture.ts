// A small hand-built population whose figures are known (see the comments): used by the
// statistics suites on both dialects.
import type { AppContext } from '../../src/platform/context.ts';
import { addEvent, registerBirth } from '../../src/registry/events/events.service.ts';
import { admin, AREAS, makePerson } from '../support/factories.ts';

export const A = AREAS.jingzhong; // 涪城区城厢街道警钟街社区
export const B = AREAS.jiefang; // 涪城区城厢街道解放街社区
export const C = `${AREAS.youxianTown}001`; // 游仙区

export async function buildPopulation(ctx: AppContext) {
  const a = admin();
  const m1 = await makePerson(ctx, { name: '母一', sex: 'F', birthDate: '1990-01-01', hukouAreaCode: A });
  const m2 = await makePerson(ctx, { name: '母二', sex: 'F', birthDate: '1988-03-03', hukouAreaCode: B });
  const m3 = await makePerson(ctx, { name: '母三', sex: 'F', birthDate: '1985-02-02', hukouAreaCode: A });
  const m4 = await makePerson(ctx, { name: '母四', sex: 'F', birthDate: '1995-04-04', hukouAreaCode: C });
  // Two earlier children of m3: 2010 (first, compliant), 2015 (second: outside the 2014 rules).
  await registerBirth(ctx, a, { name: '长子', sex: 'M', date: '2010-05-01', areaCode: A, motherId: m3.id });
  await registerBirth(ctx, a, { name: '次女', sex: 'F', date: '2015-08-01', areaCode: A, motherId: m3.id });
  // Elders: one dies on the first day of 2023 (there at its start), one on the last day of 2022.
  const e1 = await makePerson(ctx, { name: '老一', sex: 'M', birthDate: '1940-05-05', hukouAreaCode: A });
  await addEvent(ctx, a, e1.id, { kind: 'death', date: '2023-01-01', areaCode: A });
  const e2 = await makePerson(ctx, { name: '老二', sex: 'F', birthDate: '1945-06-06', hukouAreaCode: B });
  await addEvent(ctx, a, e2.id, { kind: 'death', date: '2022-12-31', areaCode: B });
  // Births of 2023: the first day (A, boy, 1st), the last day (B, girl, 1st), 30 June (A, boy, 3rd),
  // and a girl in C who dies on the day she is born (a birth and a death).
  await registerBirth(ctx, a, { name: '元旦', sex: 'M', date: '2023-01-01', areaCode: A, motherId: m1.id });
  await registerBirth(ctx, a, { name: '除夕', sex: 'F', date: '2023-12-31', areaCode: B, motherId: m2.id });
  await registerBirth(ctx, a, { name: '三孩', sex: 'M', date: '2023-06-30', areaCode: A, motherId: m3.id });
  const { person: b4 } = await registerBirth(ctx, a, { name: '夭折', sex: 'F', date: '2023-03-15', areaCode: C, motherId: m4.id });
  await addEvent(ctx, a, b4.id, { kind: 'death', date: '2023-03-15', areaCode: C });
  // Moves: p1 B → C on 2023-07-01; p2 lives in C from 2023-05-01 (hukou stays in A);
  // p3 leaves A on 2023-09-01.
  const p1 = await makePerson(ctx, { name: '迁移', sex: 'F', birthDate: '1985-07-07', hukouAreaCode: B });
  await addEvent(ctx, a, p1.id, { kind: 'move_in', date: '2023-07-01', areaCode: C, fromAreaCode: B });
  const p2 = await makePerson(ctx, { name: '流动', sex: 'M', birthDate: '1992-08-08', hukouAreaCode: A, idNumber: null });
  await addEvent(ctx, a, p2.id, { kind: 'residence_change', date: '2023-05-01', areaCode: C });
  const p3 = await makePerson(ctx, { name: '迁出', sex: 'M', birthDate: '1995-09-09', hukouAreaCode: A });
  await addEvent(ctx, a, p3.id, { kind: 'move_out', date: '2023-09-01', areaCode: A });
  return { m1, m2, m3, m4, e1, e2, b4, p1, p2, p3 };
}
