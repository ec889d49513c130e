import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn, type Browser } from './support';

describe('a worker reads their own record on a phone (390×844)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sees their postings and rotation requests as cards, nothing wider than the screen', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'worker.demo');
    await page.waitForURL(`${baseUrl}/workbench`);
    await page.getByRole('banner').getByRole('button', { name: '菜单', exact: true }).click();
    await page.getByRole('navigation').getByRole('menuitem', { name: '我的档案' }).click();
    await page.waitForURL(`${baseUrl}/my-profile`);

    // Each posting is a card with its fields as label and value (a table squeezed its columns to a character or two).
    const postings = page.getByRole('region', { name: '任职记录' });
    const first = postings.getByRole('listitem').first();
    await first.waitFor();
    await expect.poll(() => postings.locator('.ant-table').count()).toBe(0);
    await first.getByText('任职开始日期').waitFor();
    const box = await first.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    // The requests the worker filed, the same way.
    const requests = page.getByRole('region', { name: '轮岗申请' });
    await requests.waitFor();
    await expect.poll(() => requests.locator('.ant-table').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-my-profile');
  });
});
