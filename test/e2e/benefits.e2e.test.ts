// A special-aid cycle in a real browser: reviewers of the village, the township and the county
// pass lines on the cycle board, the county opens the notice, the public notice page shows
// masked data without signing in, the roster is frozen, a batch made and the bank's result
// file imported.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { createUser } from '../../src/platform/auth/users.service.ts';
import { runEligibility } from '../../src/benefits/run.service.ts';
import { allLines } from '../../src/benefits/cycles.repository.ts';
import { reviewLines } from '../../src/benefits/review.service.ts';
import { AREAS } from '../support/factories.ts';
import { specialAidFamilies } from '../benefits/families.ts';
import { actorAt } from '../benefits/drive.ts';
import { ADMIN_PASSWORD, newPage, shot, signInUi, startE2E, type E2E } from './harness.ts';

let e: E2E;
let cycleId: string;
const PASSWORD = 'Passw0rd!e2e';

beforeAll(async () => {
  e = await startE2E(500);
  await specialAidFamilies(e.ctx);
  for (const [username, role, areaCode] of [['cun', 'village_clerk', AREAS.jingzhong], ['zhen', 'township_reviewer', AREAS.chengxiang], ['qu', 'county_manager', AREAS.fucheng]] as const) {
    await createUser(e.ctx, systemActor(''), { username, displayName: username, password: PASSWORD, role, areaCode });
  }
  cycleId = (await runEligibility(e.ctx, systemActor(''), { programme: 'specialAid', area: AREAS.fucheng, year: 2026 })).cycleId;
  // Lines outside 警钟街社区 (other villages, seeded families) are passed by their own reviewers here.
  for (const len of [12, 9]) {
    const lines = (await allLines(e.ctx.db.kysely, cycleId)).filter((l) => !l.area_code.startsWith(AREAS.jingzhong));
    const byArea = new Map<string, { id: string; version: number }[]>();
    for (const l of lines) byArea.set(l.area_code.slice(0, len), [...(byArea.get(l.area_code.slice(0, len)) ?? []), { id: l.id, version: l.version }]);
    for (const [area, ls] of byArea) await reviewLines(e.ctx, actorAt(area), cycleId, { action: 'pass', lines: ls });
  }
});
afterAll(async () => { await e?.close(); });

async function passQueue(page: Page, expected: number) {
  await page.goto(`${e.url}/benefits/cycles/${cycleId}`);
  await page.getByTestId('cycle-board').waitFor();
  await expect.poll(async () => page.getByTestId('line-row').count()).toBe(expected);
  await page.locator('thead .ant-checkbox-input').check();
  await page.getByTestId('review-pass').click();
  await expect.poll(async () => page.getByTestId('line-row').count()).toBe(0);
}

describe('benefits pages', () => {
  it('shows the programmes with their timelines', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'qu', PASSWORD);
    await page.getByTestId('side-menu').getByText('扶助项目').click();
    await page.getByTestId('programme-card').first().waitFor();
    expect(await page.getByTestId('programme-card').count()).toBe(7);
    const special = page.locator('[data-programme="specialAid"]');
    await expect.poll(async () => (await special.textContent()) ?? '').toMatch(/计划生育家庭特别扶助/);
    await special.getByText('monthly_died_urban_yuan').click();
    await expect.poll(async () => (await special.textContent()) ?? '').toMatch(/2014-01-01.*340/);
    expect(await special.textContent()).toMatch(/成都市（5101）.*350/);
    // The county sets its own value of a parameter from a date, with its reference.
    await special.getByTestId('override-open').nth(4).click();
    await page.getByTestId('override-from').fill('2027-01-01');
    await page.getByTestId('override-from').press('Enter');
    await page.getByTestId('override-value').fill('400');
    await page.getByTestId('override-reference').fill('涪城区2027年扶助标准（测试）');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(async () => (await special.textContent()) ?? '').toMatch(/涪城区（510703）.*2027-01-01.*400.*涪城区2027年扶助标准/);
    await shot(page, 'benefits-programmes');
  });

  it('village, township and county pass lines in turn on the cycle board', async () => {
    const village = await newPage(e);
    await signInUi(village, e.url, 'cun', PASSWORD);
    await passQueue(village, 2); // 王秀英 (continuing is new here: no 2025 cycle) and 李建国
    await shot(village, 'benefits-village-queue');
    const town = await newPage(e);
    await signInUi(town, e.url, 'zhen', PASSWORD);
    await passQueue(town, 2);
    const county = await newPage(e);
    await signInUi(county, e.url, 'qu', PASSWORD);
    await county.goto(`${e.url}/benefits/cycles/${cycleId}`);
    await county.getByTestId('cycle-board').waitFor();
    const all = (await allLines(e.ctx.db.kysely, cycleId)).length;
    await expect.poll(async () => county.getByTestId('line-row').count()).toBe(Math.min(all, 50));
    await county.locator('thead .ant-checkbox-input').check();
    await county.getByTestId('review-pass').click();
    await expect.poll(async () => county.getByTestId('line-row').count()).toBe(0);
    await county.getByTestId('notice-open').click();
    await expect.poll(async () => county.getByTestId('cycle-status').textContent()).toBe('公示中');
    await shot(county, 'benefits-cycle-board');
  });

  it('the public notice page shows masked names and ID numbers without signing in', async () => {
    const page = await newPage(e);
    await page.goto(`${e.url}/notice/${cycleId}`);
    await page.getByTestId('notice-table').waitFor();
    const text = (await page.getByTestId('public-notice').textContent()) ?? '';
    expect(text).toContain('王*英');
    expect(text).not.toContain('王秀英');
    expect(text).toMatch(/\d{6}\*{8}[\dX]{4}/);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    await shot(page, 'benefits-public-notice');
  });

  it('freezes, makes a batch and imports the bank result', async () => {
    (e.ctx as { today: () => string }).today = () => '2099-01-01'; // the notice is over
    const page = await newPage(e);
    await signInUi(page, e.url, 'qu', PASSWORD);
    await page.goto(`${e.url}/benefits/cycles/${cycleId}`);
    await page.getByTestId('freeze').click();
    await expect.poll(async () => page.getByTestId('cycle-status').textContent()).toBe('名册已冻结');
    await page.getByTestId('batch-new').click();
    await page.getByTestId('batch-xlsx').waitFor();
    const href = await page.getByTestId('batch-csv').getAttribute('href');
    const file = await page.request.get(`${e.url}${href}`);
    expect(file.status()).toBe(200);
    const payable = (await allLines(e.ctx.db.kysely, cycleId)).filter((l) => l.kind !== 'leaving' && l.eligible === 1);
    const batch = await e.ctx.db.kysely.selectFrom('benefit_batches').select('id').where('cycle_id', '=', cycleId).executeTakeFirstOrThrow();
    const result = path.join(e.dir, '银行回盘.csv');
    fs.writeFileSync(result, ['流水号,批次号,状态,失败原因', ...payable.map((l, i) => `${l.id},${batch.id},${i === 0 ? '失败,账号不存在' : '成功,'}`)].join('\n'));
    await page.locator('[data-testid=payments-panel] input[type=file]').setInputFiles(result);
    await page.getByTestId('reconcile-result').waitFor();
    expect(await page.getByTestId('reconcile-result').textContent()).toContain(`成功 ${payable.length - 1}，失败 1`);
    await expect.poll(async () => page.getByTestId('disbursement-rate').textContent()).toMatch(/资金发放率：\d+(\.\d+)?%/);
    await shot(page, 'benefits-payments');
    // The failed line: its account corrected, then paid again in a second batch.
    const failedName = (JSON.parse((await allLines(e.ctx.db.kysely, cycleId)).find((l) => l.id === payable[0]!.id)!.snapshot!) as { name: string }).name;
    await page.getByTestId('line-row').filter({ hasText: failedName }).getByTestId('account-fix').click();
    await page.getByTestId('account-input').fill('6217 0000 1234 5678');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(async () => (await page.getByTestId('line-row').filter({ hasText: failedName }).textContent()) ?? '').toContain('6217000012345678');
    await page.getByTestId('batch-new').click();
    await expect.poll(async () => (await e.ctx.db.kysely.selectFrom('benefit_batches').select(['seq', 'line_count']).where('cycle_id', '=', cycleId).orderBy('seq').execute()).map((b) => [b.seq, b.line_count]))
      .toEqual([[1, payable.length], [2, 1]]);
  });

  it('records a document on the checklist, shows the archive share and forecasts a what-if', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'cun', PASSWORD);
    await page.goto(`${e.url}/benefits/cycles/${cycleId}`);
    await page.getByTestId('line-open').first().click();
    await page.getByTestId('checklist-item').first().waitFor();
    expect(await page.getByTestId('checklist-complete').textContent()).toBe('档案不全');
    await page.getByTestId('checklist-filed').first().click();
    await expect.poll(async () => page.getByTestId('checklist-filed').first().isChecked()).toBe(true);
    // A fact the registry cannot know: the bank account, recorded with its item.
    await page.getByTestId('fact-bank_account').fill('6217 0000 5555 6666');
    await page.getByTestId('checklist-item').filter({ has: page.getByTestId('fact-bank_account') }).getByTestId('checklist-save').click();
    await expect.poll(async () => (await e.ctx.db.kysely.selectFrom('benefit_evidence').select('facts').where('item', '=', 'bank_account').execute()).map((r) => JSON.parse(r.facts).bank_account))
      .toEqual(['6217000055556666']);
    await shot(page, 'benefits-checklist');
    await page.goto(`${e.url}/benefits/consistency`);
    await page.getByTestId('consistency-year').fill('2026');
    await page.getByTestId('archive-share').waitFor();
    await shot(page, 'benefits-consistency');
    const county = await newPage(e);
    await signInUi(county, e.url, 'qu', PASSWORD);
    await county.goto(`${e.url}/benefits/forecast`);
    await county.getByTestId('forecast-run').click();
    await county.getByTestId('forecast-totals').first().waitFor();
    expect(await county.getByTestId('forecast-totals').count()).toBe(1);
    await shot(county, 'benefits-forecast');
  });
});
