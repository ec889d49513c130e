import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn, type Browser } from './support';

describe('the audit log', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows HR the changes of their street and filters them by action', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await page.getByRole('navigation').getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL(`${baseUrl}/audit-log`);

    const action = page.getByRole('searchbox', { name: '操作代码（前缀），如 staffing.worker' });
    await action.fill('staffing.org-unit.seeded');
    await action.press('Enter');
    const rows = page.getByRole('main').getByRole('row');
    await expect.poll(async () => (await rows.allInnerTexts()).slice(1).every((r) => r.includes('staffing.org-unit.seeded'))).toBe(true);
    await expect.poll(async () => (await rows.count()) > 1).toBe(true);
    // The action reads as words, the change as field: value.
    await page.getByRole('main').getByText('单位已初始化（演示数据）', { exact: true }).first().waitFor();
    await screenshot(page, 'audit-log-hr');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl}/login`);
  });

  it('is closed to a worker', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'worker.demo');
    await page.waitForURL(`${baseUrl}/workbench`);
    await page.goto(`${baseUrl}/audit-log`);
    await page.getByText('无权访问', { exact: true }).waitFor();
    await screenshot(page, 'audit-log-worker-forbidden');
  });
});
