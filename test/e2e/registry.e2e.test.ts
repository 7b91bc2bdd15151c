// The registry in a real browser: sign in, area tree, search, a person's page, the form with
// ID-number assistance, and a stale edit refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeIdNumber } from '../../src/registry/id-number.ts';
import { ADMIN_PASSWORD, newPage, shot, signInUi, startE2E, type E2E } from './harness.ts';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

async function somePerson(): Promise<{ id: string; name: string; id_number: string }> {
  const r = await sql<{ id: string; name: string; id_number: string }>`select id, name, id_number from persons where status = 'alive' and id_number is not null and hukou_area_code like '510703%' order by id limit 1`.execute(e.ctx.db.kysely);
  return r.rows[0]!;
}

describe('registry pages', () => {
  it('refuses a wrong password with the server reason, then signs in', async () => {
    const page = await newPage(e);
    await page.goto(`${e.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/用户名或密码/);
    await shot(page, 'login-error');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('side-menu').waitFor();
    expect(await page.getByTestId('header-area').textContent()).toContain('绵阳市');
    await shot(page, 'home');
    await page.context().close();
  });

  it('searches by name within an area and opens the person with children, spans and events', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${e.url}/persons`);
    await page.getByTestId('area-tree').getByText('涪城区').waitFor();
    const p = await somePerson();
    await page.getByTestId('person-search-input').fill(p.name);
    await page.getByTestId('person-search-button').click();
    const row = page.locator(`[data-testid="person-row"][data-person-id="${p.id}"]`);
    await row.waitFor();
    // lists show masked ID numbers only
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).not.toContain(p.id_number);
    expect(rowText).toContain(p.id_number.slice(0, 6));
    await shot(page, 'person-search');
    await row.getByTestId('person-link').click();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toContain(p.name);
    await page.getByTestId('person-spans').waitFor();
    await page.getByTestId('person-events').waitFor();
    expect(await page.getByTestId('person-spans').locator('tbody tr').count()).toBeGreaterThan(0);
    await shot(page, 'person-page');
    await page.context().close();
  });

  it('fills birth date and sex from the ID number and flags a disagreement', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${e.url}/persons/new`);
    // 510703, 1990-05-17, an odd sequence: male
    const id = makeIdNumber('510703', '1990-05-17', 123);
    await page.getByTestId('person-id-number-input').fill(id);
    await expect.poll(() => page.getByTestId('id-number-hint').textContent()).toContain('1990-05-17');
    expect(await page.getByTestId('id-number-hint').textContent()).toContain('男');
    expect(await page.getByTestId('person-birth-date-input').inputValue()).toBe('1990-05-17');
    await page.getByTestId('person-birth-date-input').fill('1991-01-01');
    await page.getByTestId('person-birth-date-input').press('Tab');
    await page.locator('.ant-form-item-explain-warning').first().waitFor();
    expect(await page.locator('.ant-form-item-explain-warning').first().textContent()).toMatch(/身份号码/);
    await shot(page, 'person-form-id-disagreement');
    await page.context().close();
  });

  it('refuses a stale edit instead of overwriting a colleague’s change', async () => {
    const p = await somePerson();
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${e.url}/persons/${p.id}/edit`);
    await page.getByTestId('person-name-input').waitFor();
    await expect.poll(() => page.getByTestId('person-name-input').inputValue()).toBe(p.name);
    // a colleague saves first
    await sql`update persons set name = ${`${p.name}甲`}, version = version + 1 where id = ${p.id}`.execute(e.ctx.db.kysely);
    await page.getByTestId('person-name-input').fill(`${p.name}乙`);
    await page.getByTestId('person-save').click();
    await page.getByTestId('person-stale').waitFor();
    await shot(page, 'person-stale');
    const after = await sql<{ name: string }>`select name from persons where id = ${p.id}`.execute(e.ctx.db.kysely);
    expect(after.rows[0]!.name).toBe(`${p.name}甲`);
    // reload and save again: now it goes through
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /重新加载|重新加載/ }).click();
    await expect.poll(() => page.getByTestId('person-name-input').inputValue()).toBe(`${p.name}甲`);
    await page.getByTestId('person-name-input').fill(`${p.name}乙`);
    await page.getByTestId('person-save').click();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toContain(`${p.name}乙`);
    const saved = await sql<{ name: string }>`select name from persons where id = ${p.id}`.execute(e.ctx.db.kysely);
    expect(saved.rows[0]!.name).toBe(`${p.name}乙`);
    await page.context().close();
  });

  it('records a death with the event form; the person page then shows it and the status', async () => {
    const r = await sql<{ id: string; name: string; birth_date: string }>`select id, name, birth_date from persons where status = 'alive' and hukou_area_code like '510704%' and birth_date < '1960-01-01' order by id limit 1`.execute(e.ctx.db.kysely);
    const p = r.rows[0]!;
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${e.url}/events/new?personId=${p.id}`);
    await page.getByTestId('event-kind').getByText('死亡').click();
    await page.getByTestId('event-date').fill('2026-10-03');
    await page.getByTestId('event-date').press('Tab');
    await shot(page, 'event-form-death');
    await page.getByTestId('event-save').click();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toContain(p.name);
    await expect.poll(() => page.getByTestId('person-events').textContent()).toContain('2026-10-03');
    expect(await page.getByTestId('person-events').textContent()).toContain('死亡');
    const after = await sql<{ status: string; death_date: string }>`select status, death_date from persons where id = ${p.id}`.execute(e.ctx.db.kysely);
    expect(after.rows[0]).toEqual({ status: 'dead', death_date: '2026-10-03' });
    await page.context().close();
  });

  it('switches the whole interface to English', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${e.url}/persons`);
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('person-search-button').getByText('Search').waitFor();
    const menu = (await page.getByTestId('side-menu').textContent()) ?? '';
    expect(menu).not.toMatch(/全员人口|数据导入/);
    expect(menu).toContain('Population registry');
    await shot(page, 'persons-english');
    await page.context().close();
  });
});
