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
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'cw-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1366, height: 850 },
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
