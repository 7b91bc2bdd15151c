// The import routes: templates, upload, job progress, error report; 401, 404 across areas, 400.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/platform/http/app.ts';
import { createTestContext, DIALECTS, type TestDb } from '../support/dialects.ts';
import { AREAS, makeUser } from '../support/factories.ts';
import { multipart, signIn, type Client } from '../support/http.ts';
import { csv, PERSON_HEADER, personRows, readXlsxRows } from '../support/import-files.ts';

describe.each(DIALECTS)('import routes on %s', (dialect) => {
  let t: TestDb;
  let app: FastifyInstance;
  let clerk: Client;
  let other: Client;

  beforeAll(async () => {
    t = await createTestContext(dialect);
    app = await buildApp(t.ctx, { webDist: null });
    const u = await makeUser(t.ctx, 'township_reviewer', AREAS.chengxiang);
    const o = await makeUser(t.ctx, 'township_reviewer', AREAS.youxianTown);
    clerk = await signIn(app, u.username, u.password);
    other = await signIn(app, o.username, o.password);
  });
  afterAll(async () => { await app.close(); await t.dispose(); });

  const upload = (c: Client, fields: Record<string, string>, file?: { name: string; data: Buffer }) => {
    const body = multipart(fields, file);
    return c.raw({ method: 'POST', url: '/api/v1/imports', payload: body.payload, headers: body.headers });
  };
  const waitJob = async (c: Client, id: string) => {
    for (let i = 0; i < 400; i++) {
      const j = (await c.get(`/api/v1/jobs/${id}`)).json();
      if (j.status === 'succeeded' || j.status === 'failed') return j;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('job did not finish');
  };

  it('serves the templates as real workbooks', async () => {
    const res = await clerk.get('/api/v1/imports/templates/persons.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('人员信息导入模板'));
    const rows = await readXlsxRows(res.rawPayload);
    expect(rows[0].slice(0, 4)).toEqual(['公民身份号码', '姓名', '性别', '出生日期']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('填写说明');
    expect((await app.inject({ method: 'GET', url: '/api/v1/imports/templates/persons.xlsx' })).statusCode).toBe(401);
  });

  it('runs an uploaded import as a job with progress, and serves its error report', async () => {
    const rows = personRows(40, 20000);
    rows[3][3] = '2001-13-01';
    const res = await upload(clerk, { kind: 'persons', dryRun: 'false' }, { name: '人员.csv', data: csv(PERSON_HEADER, rows, 'gbk') });
    expect(res.statusCode).toBe(202);
    const job = await waitJob(clerk, res.json().id);
    expect(job.status).toBe('succeeded');
    expect(job.done).toBe(job.total);
    expect(job.params).toEqual({ kind: 'persons', dryRun: false, filename: '人员.csv' }); // no server path, scope or actor
    expect(job.result).toMatchObject({ inserted: 39, rejected: 1, report: true, rejectedRows: [{ line: 5 }] });
    const report = await clerk.get(`/api/v1/imports/${job.id}/report.xlsx`);
    expect(report.statusCode).toBe(200);
    const cells = await readXlsxRows(report.rawPayload);
    expect(cells[1][0]).toBe('5');
    expect(cells[1].at(-1)).toMatch(/出生日期/);
    // Another area sees neither the job nor its report.
    expect((await other.get(`/api/v1/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/imports/${job.id}/report.xlsx`)).statusCode).toBe(404);
    expect((await clerk.get('/api/v1/jobs?kind=import')).json().items.map((j: { id: string }) => j.id)).toContain(job.id);
  });

  it('answers 400 with clear reasons to bad uploads and 401 without a session', async () => {
    const noKind = await upload(clerk, { dryRun: 'true' }, { name: 'a.csv', data: csv(PERSON_HEADER, personRows(1)) });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().errors).toContainEqual(expect.objectContaining({ field: 'kind' }));
    const noFile = await upload(clerk, { kind: 'persons' });
    expect(noFile.json().errors).toContainEqual(expect.objectContaining({ field: 'file' }));
    const badCols = await upload(clerk, { kind: 'persons' }, { name: 'b.csv', data: csv(['姓名'], [['张三']]) });
    expect(badCols.statusCode).toBe(400);
    expect(badCols.json().code).toBe('import.missing_columns');
    expect(badCols.json().title).toContain('公民身份号码');
    const xls = await upload(clerk, { kind: 'persons' }, { name: 'c.xls', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]) });
    expect(xls.json().code).toBe('import.bad_file');
    const outside = await upload(clerk, { kind: 'persons', area: AREAS.youxianTown }, { name: 'd.csv', data: csv(PERSON_HEADER, personRows(1)) });
    expect(outside.json().errors).toContainEqual(expect.objectContaining({ field: 'area', code: 'field.area.out_of_scope' }));
    const body = multipart({ kind: 'persons' }, { name: 'e.csv', data: csv(PERSON_HEADER, personRows(1)) });
    expect((await app.inject({ method: 'POST', url: '/api/v1/imports', payload: body.payload, headers: body.headers })).statusCode).toBe(401);
  });
});
