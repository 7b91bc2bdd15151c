// Statistics in a real browser: the dashboard's charts on the seeded city, a drill-through to
// the records behind a count, and the two downloads opened back.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { drillThrough, pyramid, statsTable } from '../../src/stats/stats.service.ts';
import { setTarget } from '../../src/stats/targets.service.ts';
import { ADMIN_PASSWORD, newPage, shot, signInUi, startE2E, type E2E } from './harness.ts';

let e: E2E;
const YEAR = String(Number(new Date().toISOString().slice(0, 4)) - 1);
beforeAll(async () => {
  e = await startE2E();
  await setTarget(e.ctx, systemActor(''), { areaCode: '5107', year: Number(YEAR), indicator: 'natural_growth_rate', direction: 'lower', value: 3 });
  await setTarget(e.ctx, systemActor(''), { areaCode: '5107', year: Number(YEAR), indicator: 'births', direction: 'count', value: 20 });
});
afterAll(async () => { await e?.close(); });

describe('statistics pages', () => {
  it('draws the dashboard charts from the seeded city', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('side-menu').getByText('工作台').click();
    await page.getByTestId('dashboard-title').waitFor();
    await page.goto(`${e.url}/dashboard?area=5107&period=${YEAR}&basis=hukou&annualise=false`);
    const expected = (await statsTable(e.ctx, systemActor(''), { area: '5107', period: YEAR })).rows[0].values;
    await expect.poll(() => page.getByTestId('card-births').textContent()).toBe(String(expected.births.value));
    for (const id of ['chart-targets', 'chart-months', 'chart-children', 'chart-sex-ratio', 'chart-pyramid']) {
      await page.getByTestId(id).locator('canvas').first().waitFor();
    }
    expect(await page.getByTestId('target-light').count()).toBeGreaterThan(0);
    await page.waitForTimeout(800); // chart animations
    await shot(page, 'stats-dashboard');

    // A bar of the pyramid (the women of the fullest band) opens the persons counted in it.
    const pyr = await pyramid(e.ctx, systemActor(''), { area: '5107', date: `${YEAR}-12-31` });
    const band = pyr.bands.reduce((best, b, i) => (b.female > pyr.bands[best].female ? i : best), 0);
    const chart = page.getByTestId('chart-pyramid');
    const at = await chart.evaluate((el, [value, index]) => (el as unknown as { chart: { convertToPixel(f: object, v: number[]): number[] } }).chart.convertToPixel({ seriesIndex: 1 }, [value, index]), [pyr.bands[band].female / 2, band]);
    await chart.scrollIntoViewIfNeeded(); // a click lands only inside the viewport
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + at[0], box.y + at[1]);
    const table = page.getByTestId('drill-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const persons = await drillThrough(e.ctx, systemActor(''), { area: '5107', period: `${YEAR}-12-31..${YEAR}-12-31`, measure: 'population_end', sex: 'F', band, page: 1, pageSize: 10 });
    expect(persons.total).toBe(pyr.bands[band].female);
    expect(await table.locator('tbody tr.ant-table-row td:first-child').allTextContents()).toEqual(persons.items.map((i) => i.name));
    await shot(page, 'stats-pyramid-drill');
    await page.context().close();
  });

  it('opens the births behind a count, masked, and downloads the table and the summary', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${e.url}/stats?area=5107&period=${YEAR}&basis=hukou&annualise=false`);
    await page.getByTestId('drill-births').click();
    const table = page.getByTestId('drill-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const expected = await drillThrough(e.ctx, systemActor(''), { area: '5107', period: YEAR, measure: 'births', page: 1, pageSize: 10 });
    const names = await table.locator('tbody tr.ant-table-row td:first-child').allTextContents();
    expect(names).toEqual(expected.items.map((i) => i.name));
    const text = (await table.textContent()) ?? '';
    expect(text).not.toMatch(/\d{17}[\dX]/); // ID numbers masked
    await shot(page, 'stats-drill');
    await page.keyboard.press('Escape');
    await table.waitFor({ state: 'hidden' });
    await shot(page, 'stats-table');

    // The population at the end of the year opens the persons counted in it.
    await page.getByTestId('drill-population_end').click();
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const persons = await drillThrough(e.ctx, systemActor(''), { area: '5107', period: YEAR, measure: 'population_end', page: 1, pageSize: 10 });
    expect(await table.locator('tbody tr.ant-table-row td:first-child').allTextContents()).toEqual(persons.items.map((i) => i.name));
    expect(await table.locator('thead').textContent()).toContain('出生日期');
    expect((await table.textContent()) ?? '').not.toMatch(/\d{17}[\dX]/);
    await shot(page, 'stats-drill-population');
    await page.keyboard.press('Escape');
    await table.waitFor({ state: 'hidden' });

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    const xlsxPath = path.join(e.dir, 'table.xlsx');
    await xlsx.saveAs(xlsxPath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    expect(wb.getWorksheet('统计表')!.getCell('A1').value).toBe(`绵阳市${YEAR}年人口和计划生育统计表`);

    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()]);
    const docxPath = path.join(e.dir, 'summary.docx');
    await docx.saveAs(docxPath);
    const body = (await mammoth.extractRawText({ buffer: fs.readFileSync(docxPath) })).value;
    expect(body).toContain(`绵阳市${YEAR}年人口和计划生育工作总结`);
    expect(body).toMatch(/人口自然增长率(控制在|为)-?\d+\.\d{2}‰/);
    await page.context().close();
  });

  it('sets a target from the targets page', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${e.url}/targets`);
    await page.locator('input[data-testid="targets-year"], [data-testid="targets-year"] input').first().fill(YEAR);
    await page.getByTestId('targets-table').getByText('人口自然增长率').waitFor();
    await page.getByTestId('targets-add').click();
    await page.getByTestId('target-indicator').click();
    // Typed, so that the option is in the list's visible window whatever its position.
    await page.keyboard.insertText('多孩率');
    await page.locator('.ant-select-dropdown').getByText('多孩率', { exact: true }).click();
    await page.locator('input[data-testid="target-value"], [data-testid="target-value"] input').first().fill('5');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('targets-table').getByText('多孩率').waitFor();
    await shot(page, 'stats-targets');
    await page.context().close();
  });

  it('imports a preconception-check couple from .xlsx and records the check', async () => {
    const r = await sql<{ id_number: string; name: string; hukou_area_code: string }>`select id_number, name, hukou_area_code from persons where sex = 'F' and status = 'alive' and id_number is not null and birth_date between '1990-01-01' and '2000-12-31' and hukou_area_code like '5107%' order by id limit 1`.execute(e.ctx.db.kysely);
    const wife = r.rows[0]!;
    const year = new Date().getFullYear();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('孕前优生');
    ws.addRow(['地区代码', '年度', '女方身份证号', '男方身份证号', '检查日期', '检查机构']);
    ws.addRow([wife.hukou_area_code, year, wife.id_number, '', '', '']);
    const file = path.join(e.dir, 'couples.xlsx');
    await wb.xlsx.writeFile(file);
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('side-menu').getByText('服务记录').click();
    await page.getByTestId('records-title').waitFor();
    await page.locator('input[type="file"]').setInputFiles(file);
    const row = page.getByTestId('records-table').locator('tbody tr', { hasText: wife.name });
    await row.waitFor();
    expect(await row.textContent()).toContain('未检查');
    await row.getByTestId('record-check').click();
    await expect.poll(() => row.textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await shot(page, 'stats-service-records');
    const v = (await statsTable(e.ctx, systemActor(''), { area: '5107', period: String(year), indicators: ['preconception_check_coverage'] })).rows[0].values;
    expect(v.preconception_check_coverage).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    await page.context().close();
  });
});
