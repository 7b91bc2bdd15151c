// Importing in a real browser: a GBK CSV with good and bad rows, a dry run that names every
// bad row, the .xlsx error report with its reason column, the real run, and a repeat that
// changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../src/registry/id-number.ts';
import { csv, PERSON_HEADER, personRows, readXlsxRows } from '../support/import-files.ts';
import { ADMIN_PASSWORD, newPage, shot, signInUi, startE2E, type E2E } from './harness.ts';

let e: E2E;
let file: string;
const good = personRows(3, 900_000);
const badCheck = [...personRows(1, 900_010)[0]!];
const unknownArea = [...personRows(1, 900_011)[0]!];

beforeAll(async () => {
  e = await startE2E(500);
  badCheck[0] = badCheck[0]!.slice(0, 17) + (badCheck[0]!.endsWith('0') ? '1' : '0');
  unknownArea[5] = '510703999999';
  file = path.join(e.dir, '人员导入.csv');
  fs.writeFileSync(file, csv(PERSON_HEADER, [good[0]!, badCheck, good[1]!, unknownArea, good[2]!], 'gbk'));
});
afterAll(async () => { await e?.close(); });

const count = async (page: Page, which: string) => Number(await page.getByTestId(`import-count-${which}`).getAttribute('data-value'));
const imported = async () => (await sql<{ n: number }>`select count(*) as n from persons where name like '测试9000%'`.execute(e.ctx.db.kysely)).rows[0]!.n;

describe('imports page', () => {
  it('dry-runs, reports bad rows with reasons and an .xlsx report, then imports once', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${e.url}/imports`);
    const template = await page.request.get(`${e.url}${await page.getByTestId('import-template-link').getAttribute('href')}`);
    expect(template.status()).toBe(200);
    expect((await readXlsxRows(Buffer.from(await template.body())))[0]).toEqual(PERSON_HEADER);

    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await count(page, 'inserted')).toBe(3);
    expect(await count(page, 'rejected')).toBe(2);
    expect(Number(await imported())).toBe(0); // a dry run writes nothing
    const rejected = (await page.getByTestId('import-rejected-rows').textContent()) ?? '';
    expect(rejected).toMatch(/校验位/);
    expect(rejected).toMatch(/510703999999/);
    await shot(page, 'import-dry-run');

    const href = await page.getByTestId('import-report-link').getAttribute('href');
    const report = await page.request.get(`${e.url}${href}`);
    expect(report.status()).toBe(200);
    const rows = await readXlsxRows(Buffer.from(await report.body()));
    expect(rows[0]![0]).toBe('行号');
    expect(rows[0]!.slice(1, PERSON_HEADER.length + 1)).toEqual(PERSON_HEADER);
    expect(rows[0]!.at(-1)).toMatch(/原因|错误/);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([['3', badCheck[0]], ['5', unknownArea[0]]]);
    expect(rows[1]!.at(-1)).toMatch(/校验位/);

    await page.getByTestId('import-commit').click();
    const confirm = page.getByTestId('import-confirm');
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await expect.poll(async () => Number(await imported()), { timeout: 60_000 }).toBe(3);
    await page.getByTestId('import-result').waitFor();
    await expect.poll(() => count(page, 'inserted')).toBe(3);
    await shot(page, 'import-real');
    await page.context().close();
  });

  it('a second real run of the same file changes nothing', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${e.url}/imports`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    await expect.poll(() => count(page, 'unchanged')).toBe(3);
    expect(await count(page, 'inserted')).toBe(0);
    expect(await count(page, 'updated')).toBe(0);
    expect(Number(await imported())).toBe(3);
    await page.getByTestId('import-jobs').waitFor();
    await page.context().close();
  });

  it('once the file is read while the job still runs, says the last writes are under way, the bar held at 99 %', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${e.url}/imports`);
    // The job as the server reports it between the last byte read and the end: too short with a
    // small file to catch, so the answers are held in that state until the page has shown it.
    const jobUrl = /\/api\/v1\/jobs(\/[^/?]+$|\?)/; // the job, and the list of jobs (its newest first)
    const finishing = <T extends object>(job: T) => ({ ...job, status: 'running', done: 4096, total: 4096, result: null });
    await page.route(jobUrl, async (route) => {
      const res = await route.fetch();
      const body = await res.json() as { items?: object[] };
      const json = body.items ? { ...body, items: body.items.map((j, i) => (i === 0 ? finishing(j) : j)) } : finishing(body);
      await route.fulfill({ response: res, json });
    });
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('import-start').click();
    await expect.poll(async () => page.getByTestId('import-progress-text').textContent(), { timeout: 30_000 }).toMatch(/文件已读完，正在写入最后的数据/);
    expect(await page.getByTestId('import-progress').textContent()).toContain('99%');
    const filled = async () => page.getByTestId('import-progress').evaluate((el) => {
      const track = el.querySelector('.ant-progress-track')?.getBoundingClientRect().width ?? 0; // the filled part
      const rail = el.querySelector('.ant-progress-rail')?.getBoundingClientRect().width ?? 0;
      return rail > 0 ? track / rail : 0;
    });
    await expect.poll(filled).toBeGreaterThan(0.95); // the bar has grown to its width
    // The list of jobs says the same of the running job.
    await page.getByTestId('import-jobs').getByText('文件已读完').first().waitFor();
    await shot(page, 'import-finishing');
    await page.unrouteAll({ behavior: 'wait' }); // lets a handler still at work answer first
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-progress-text').textContent()).toMatch(/^已读取/);
    await page.context().close();
  });

  it('an event file whose person is unknown is refused row by row', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${e.url}/imports`);
    await page.getByTestId('import-kind').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /人口变动/ }).click();
    const events = path.join(e.dir, 'events.csv');
    const stranger = makeIdNumber('510703', '1980-01-01', 777);
    fs.writeFileSync(events, csv(['变动类型', '公民身份号码', '姓名', '变动日期', '地区'], [['死亡', stranger, '无此人', '2025-01-02', '510703001003']]));
    await page.locator('input[type=file]').setInputFiles(events);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-result').waitFor({ timeout: 60_000 });
    expect(await count(page, 'rejected')).toBe(1);
    expect(await page.getByTestId('import-rejected-rows').textContent()).toContain(stranger.slice(0, 6));
    await page.context().close();
  });
});
