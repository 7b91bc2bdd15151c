// End-to-end harness: the real server (in-process, SQLite, a small synthetic city) serving
// the built web app, driven by Debian's Chromium through playwright-core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { boot } from '../../src/platform/boot.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { systemActor } from '../../src/platform/auth/roles.ts';
import { ensureAdmin } from '../../src/platform/auth/users.service.ts';
import { buildApp, DEFAULT_WEB_DIST } from '../../src/platform/http/app.ts';
import { seedPopulation } from '../../src/registry/seed/seed.service.ts';

export const ADMIN_PASSWORD = 'Admin#2026e2e';
export const SHOTS = path.resolve('test-results/screenshots');

export interface E2E {
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  browser: Browser;
  dir: string;
  close(): Promise<void>;
}

export async function startE2E(persons = 3000): Promise<E2E> {
  if (!fs.existsSync(path.join(DEFAULT_WEB_DIST, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renkou-e2e-'));
  const ctx = await boot({ config: { databaseUrl: `file:${path.join(dir, 'renkou.db')}`, dataDir: dir, demo: false, adminPassword: ADMIN_PASSWORD, areaProvinces: ['51'] } });
  await ensureAdmin(ctx, '5107');
  await seedPopulation(ctx, systemActor(''), { region: '5107', persons, seed: 7 });
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  fs.mkdirSync(SHOTS, { recursive: true });
  return {
    ctx, app, url: `http://127.0.0.1:${port}`, browser, dir,
    close: async () => {
      await browser.close();
      await app.close();
      await ctx.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function newPage(e: E2E): Promise<Page> {
  const context = await e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  return context.newPage();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the login form and waits for the shell. */
export async function signInUi(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('side-menu').waitFor();
}
