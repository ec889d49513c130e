import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, demoPassword, openBrowser, screenshot, type Browser } from './support';

/** What has focus: its role-ish tag, its accessible text, and whether it sits in an open dialog. */
async function focused(page: Page): Promise<{ tag: string; text: string; inDialog: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.getAttribute('aria-label') ?? el?.innerText ?? '').trim(),
      inDialog: !!el?.closest('[role="dialog"]'),
    };
  });
}

/** Presses Tab until the focused element's text is `text` (at most `limit` presses); the texts passed on the way. */
async function tabTo(page: Page, text: string, limit = 60): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    seen.push(now.text);
    if (now.text === text) return seen;
  }
  throw new Error(`"${text}" not reached by Tab in ${limit} presses; passed: ${seen.join(' | ')}`);
}

describe('keyboard only', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in, skips to the content and reaches the roster without a mouse', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    expect(await page.title()).toBe('登录 - 社区工作者管理系统');
    // The user name field has focus on arrival.
    await page.keyboard.type('hr.linfen');
    await page.keyboard.press('Tab');
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Enter');
    // Every role lands on its workbench (工作台).
    await page.waitForURL(`${baseUrl}/workbench`);
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    await expect.poll(() => page.title()).toBe('工作台 - 社区工作者管理系统');

    // The first Tab stop is the skip link; it lands on the page's heading.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('跳到主要内容');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

    // Back to the top, then through the side menu to the roster.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, '花名册');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/staffing/workers`);
    await page.getByRole('heading', { level: 1, name: '花名册' }).waitFor();
    expect(await page.title()).toBe('花名册 - 社区工作者管理系统');
  });

  it('reaches every roster action by Tab, with names in Chinese', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: '罗丽华' }).first().waitFor();
    await page.getByRole('heading', { level: 1, name: '花名册' }).focus();
    const seen = await tabTo(page, '罗丽华', 80);
    for (const action of ['新增人员', '导入', '导出', '导出（含身份证号）', '搜索', '所属单位']) {
      expect(seen, `Tab reaches "${action}"`).toContain(action);
    }
    // Every named stop is named in the UI language: no icon names in English ("search", "down").
    expect(seen.filter((text) => /^(search|down|close|plus)$/i.test(text))).toEqual([]);
  });

  it('returns to the button that opened a dialog when the dialog closes', async () => {
    const { page } = browser;
    await page.getByRole('heading', { level: 1, name: '花名册' }).focus();
    for (const opener of ['新增人员', '导入', '导出（含身份证号）']) {
      await page.getByRole('heading', { level: 1, name: '花名册' }).focus();
      await tabTo(page, opener);
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor();
      await expect.poll(async () => (await focused(page)).inDialog, { message: `focus moves into the "${opener}" dialog` }).toBe(true);
      if (opener === '新增人员') await screenshot(page, 'keyboard-dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await expect.poll(async () => (await focused(page)).text, { message: `focus returns to "${opener}"` }).toBe(opener);
    }
  });

  it('at 390 px the menu opens from a real button and its links are out of the tab order while it is closed', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    const toggle = page.getByRole('banner').getByRole('button', { name: '菜单', exact: true });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    const box = await toggle.boundingBox();
    expect(box && box.width >= 24 && box.height >= 24, 'the toggle is at least 24×24 px').toBe(true);
    // Closed: no menu link can take focus (the menu lives in a drawer that is not rendered).
    const focusableLinks = await page.evaluate(
      () => Array.from(document.querySelectorAll('nav[aria-label="社区工作者管理系统"] a')).filter((a) => (a as HTMLElement).offsetParent !== null).length,
    );
    expect(focusableLinks, 'no visible menu link while the drawer is closed').toBe(0);

    await toggle.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await drawer.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await drawer.getByRole('navigation').getByRole('link', { name: '岗位与编制' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/staffing/posts`);
    // Having taken the user somewhere, the drawer closes.
    await drawer.waitFor({ state: 'hidden' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await screenshot(page, 'keyboard-narrow-menu');
    await page.setViewportSize({ width: 1366, height: 850 });
  });
});
