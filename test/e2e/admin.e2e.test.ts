// Administration in a real browser: a county user created with role and area, who must change
// the temporary password, then sees only their own area; the audit log and its hash chain.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, newPage, shot, signInUi, startE2E, type E2E } from './harness.ts';

let e: E2E;
beforeAll(async () => { e = await startE2E(1500); });
afterAll(async () => { await e?.close(); });

describe('users and audit', () => {
  it('creates a county user whose first sign-in forces a new password and who sees only 涪城区', async () => {
    const admin = await newPage(e);
    await signInUi(admin, e.url, 'admin', ADMIN_PASSWORD);
    await admin.goto(`${e.url}/users`);
    await admin.getByTestId('user-new').click();
    await admin.getByTestId('user-username').fill('fucheng01');
    await admin.getByTestId('user-display-name').fill('涪城区管理员');
    await admin.getByTestId('user-password').fill('Temp#Pass2026');
    await admin.getByTestId('user-role').click();
    await admin.locator('.ant-select-item-option').filter({ hasText: '区县管理员' }).click();
    await admin.getByTestId('user-area').click();
    await admin.locator('.ant-select-tree-title').filter({ hasText: /^涪城区$/ }).click();
    await shot(admin, 'user-form');
    await admin.getByTestId('user-save').click();
    await admin.getByTestId('users-table').getByText('fucheng01').waitFor();
    const row = await sql<{ area_code: string; role: string }>`select area_code, role from users where username = 'fucheng01'`.execute(e.ctx.db.kysely);
    expect(row.rows[0]).toEqual({ area_code: '510703', role: 'county_manager' });
    await admin.context().close();

    const page = await newPage(e);
    await page.goto(`${e.url}/login`);
    await page.getByTestId('login-username').fill('fucheng01');
    await page.getByTestId('login-password').fill('Temp#Pass2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('password-new').fill('Fucheng#2026new');
    await page.getByTestId('password-confirm').fill('Fucheng#2026new');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('side-menu').waitFor();
    expect(await page.getByTestId('header-area').textContent()).toContain('涪城区');
    await page.goto(`${e.url}/persons`);
    await page.getByTestId('person-row').first().waitFor();
    const rows = await page.getByTestId('person-row').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toContain('涪城区');
    // listed by residence instead of hukou (filters live in the URL)
    await page.getByTestId('filter-basis').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '按现居住地' }).click();
    await page.getByTestId('person-search-button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('basis')).toBe('residence');
    const residents = await sql<{ n: number }>`select count(*) as n from persons where residence_area_code like '510703%'`.execute(e.ctx.db.kysely);
    expect(Number(residents.rows[0]!.n)).toBeGreaterThan(0);
    await expect.poll(async () => ((await page.getByTestId('person-total').textContent()) ?? '').replace(/\D/g, '')).toBe(String(residents.rows[0]!.n));
    await shot(page, 'county-user-by-residence');
    // a person living and registered elsewhere is "not found", not forbidden
    const outside = await sql<{ id: string }>`select id from persons where hukou_area_code not like '510703%' and (residence_area_code is null or residence_area_code not like '510703%') limit 1`.execute(e.ctx.db.kysely);
    await page.goto(`${e.url}/persons/${outside.rows[0]!.id}`);
    await page.getByText('找不到该人员').waitFor();
    await shot(page, 'county-user-out-of-area');
    await page.context().close();
  });

  it('lists audit entries and verifies the hash chain', async () => {
    const page = await newPage(e);
    await signInUi(page, e.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${e.url}/audit`);
    await page.getByTestId('audit-table').locator('tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('audit-table').textContent()).toMatch(/fucheng01|admin/);
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    await shot(page, 'audit');
    await page.context().close();
  });
});
