import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { watchAccessibility } from './accessibility';

export const baseUrl = (process.env.CW_E2E_BASE_URL ?? 'http://127.0.0.1:5090').replace(/\/$/, '');
export const demoPassword = 'Demo2026cw';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/**
 * Debian's Chromium with a fresh profile, launched the way TOOLCHAIN.md prescribes. Motion is reduced (the app
 * then turns antd's animations off), so that what axe measures is what stays on screen.
 */
export async function openBrowser(viewport = { width: 1366, height: 850 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'cw-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'zh-CN',
    reducedMotion: 'reduce',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  // Every page of every journey is checked with axe (e2e/accessibility.ts, e2e/setup.ts).
  await watchAccessibility(page);
  context.on('page', (opened) => void watchAccessibility(opened));
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** Signs in through the form (the page starts in Chinese). */
export async function signIn(page: Page, userName: string, password = demoPassword): Promise<void> {
  if (!page.url().includes('/login')) await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(userName);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Every role lands on the workbench; then opens a page from the side menu. */
export async function landAndOpen(page: Page, menuItem: string, path: string): Promise<void> {
  await page.waitForURL(`${baseUrl}/workbench`);
  await page.getByRole('navigation').getByRole('menuitem', { name: menuItem }).click();
  await page.waitForURL(`${baseUrl}${path}`);
}

/** The side menu's item texts without their to-do count badges. */
export async function menuTexts(page: Page): Promise<string[]> {
  const texts = await page.getByRole('navigation').getByRole('menuitem').allInnerTexts();
  return texts.map((s) => s.replace(/[\d\s+]+$/u, '').trim());
}
