// Area scope is enforced by every repository function, not only by the routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as persons from '../../src/registry/persons/persons.repository.ts';
import { countPersons, searchPersons } from '../../src/registry/persons/person-search.repository.ts';
import * as events from '../../src/registry/events/events.repository.ts';
import * as users from '../../src/platform/auth/users.repository.ts';
import * as jobs from '../../src/platform/jobs/jobs.repository.ts';
import { listAuditRows } from '../../src/platform/audit/audit.repository.ts';
import { createJob } from '../../src/platform/jobs/jobs.service.ts';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { addEvent, registerBirth } from '../../src/registry/events/events.service.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { admin, AREAS, makePerson, makeUser } from '../support/factories.ts';

const IN = AREAS.chengxiang; // the scope under test: 城厢街道
const OUT = AREAS.youxianTown;

describe.each(DIALECTS)('repository scope on %s', (dialect) => {
  let t: TestDb;
  let insider: { id: string; idNumber: string | null };
  let outsider: { id: string; idNumber: string | null };
  let migrantIn: { id: string };
  let outsiderEventId: string;
  let outsiderChildId: string;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    insider = await makePerson(t.ctx, { name: '范围内', sex: 'F', hukouAreaCode: AREAS.jingzhong });
    outsider = await makePerson(t.ctx, { name: '范围外', sex: 'F', hukouAreaCode: `${OUT}001` });
    // Hukou elsewhere, living inside: visible through the residence.
    migrantIn = await makePerson(t.ctx, { name: '外来居住', hukouAreaCode: `${OUT}002`, residenceAreaCode: AREAS.jiefang });
    const ev = await addEvent(t.ctx, admin(), outsider.id, { kind: 'residence_change', date: '2020-01-01', areaCode: `${OUT}003` });
    outsiderEventId = ev.id;
    outsiderChildId = (await registerBirth(t.ctx, admin(), { name: '外孩', sex: 'M', date: '2024-01-01', areaCode: `${OUT}001`, motherId: outsider.id })).person.id;
    await makeUser(t.ctx, 'village_clerk', AREAS.jingzhong);
    await makeUser(t.ctx, 'village_clerk', `${OUT}001`);
    await createJob(t.ctx, systemActor(''), 'import', `${OUT}001`, {});
  });
  afterAll(async () => t.dispose());

  it('persons: find, find by ID number, by ids, children and search', async () => {
    const db = t.ctx.db.kysely;
    expect(await persons.findPerson(db, IN, insider.id)).toBeDefined();
    expect(await persons.findPerson(db, IN, outsider.id)).toBeUndefined();
    expect(await persons.findPerson(db, IN, migrantIn.id)).toBeDefined();
    expect(await persons.findPersonByIdNumber(db, IN, outsider.idNumber!)).toBeUndefined();
    expect((await persons.findPersonsByIds(db, IN, [insider.id, outsider.id])).map((p) => p.id)).toEqual([insider.id]);
    expect(await persons.childrenOf(db, IN, outsider.id)).toEqual([]);
    expect((await persons.childrenOf(db, OUT, outsider.id)).map((c) => c.id)).toEqual([outsiderChildId]);
    const page = { offset: 0, limit: 50 };
    const all = { scope: IN, area: IN, basis: 'hukou' as const };
    expect((await searchPersons(db, { ...all, ...page })).map((r) => r.id)).toEqual([insider.id]);
    expect(await countPersons(db, all, 100)).toBe(1);
    const byName = { ...all, q: '范围' };
    expect((await searchPersons(db, { ...byName, ...page })).map((r) => r.name)).toEqual(['范围内']);
    expect(await countPersons(db, byName, 100)).toBe(1);
    const byResidence = { ...all, basis: 'residence' as const };
    expect((await searchPersons(db, { ...byResidence, ...page })).map((r) => r.id).sort()).toEqual([insider.id, migrantIn.id].sort());
    expect(await countPersons(db, byResidence, 100)).toBe(2);
    // An area outside the scope shows only what the scope holds: of those with hukou there, the
    // one living inside (with and without the age range's counting plan).
    const outside = { scope: IN, area: OUT, basis: 'hukou' as const };
    expect((await searchPersons(db, { ...outside, ...page })).map((r) => r.id)).toEqual([migrantIn.id]);
    expect(await countPersons(db, outside, 100)).toBe(1);
    expect(await countPersons(db, { ...outside, birthFrom: '1900-01-01', birthTo: '2100-01-01' }, 100)).toBe(1);
    // A surname there (counted from the area's own entries): not the outsider's child 外孩.
    expect((await searchPersons(db, { ...outside, q: '外', ...page })).map((r) => r.id)).toEqual([migrantIn.id]);
    expect(await countPersons(db, { ...outside, q: '外' }, 100)).toBe(1);
  });

  it('events, users, jobs and audit rows', async () => {
    const db = t.ctx.db.kysely;
    expect(await events.findEvent(db, IN, outsiderEventId)).toBeUndefined();
    expect(await events.findEvent(db, OUT, outsiderEventId)).toBeDefined();
    expect((await users.listUsers(db, IN)).every((u) => u.area_code.startsWith(IN))).toBe(true);
    expect((await users.listUsers(db, IN)).length).toBe(1);
    const outUser = (await users.listUsers(db, OUT))[0];
    expect(await users.findUser(db, IN, outUser.id)).toBeUndefined();
    expect(await jobs.listJobs(db, IN, undefined, 10)).toEqual([]);
    const job = (await jobs.listJobs(db, OUT, undefined, 10))[0];
    expect(await jobs.findJob(db, IN, job.id)).toBeUndefined();
    const audit = await listAuditRows(db, { scope: IN, offset: 0, limit: 500 });
    expect(audit.rows.length).toBeGreaterThan(0);
    expect(audit.rows.every((r) => r.area_code!.startsWith(IN))).toBe(true);
  });
});
