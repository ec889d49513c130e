import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn, type Browser, landAndOpen } from './support';

describe('staffing pages by role', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('HR sees the street’s headcount against quota and norm, and who is due for rotation', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/staffing/posts`);
    await page.waitForURL(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await page.waitForURL(`${baseUrl}/staffing/posts`);
    await page.getByRole('row').filter({ hasText: '汾西路居民委员会' }).first().waitFor();
    await page.getByRole('img', { name: '各单位已配、编制与测算标准对比图' }).waitFor();
    await page.locator('canvas').first().waitFor();
    expect(await page.getByRole('button', { name: '新增岗位' }).isVisible()).toBe(true);
    await screenshot(page, 'posts-headcount');

    await page.getByRole('navigation').getByRole('menuitem', { name: '轮岗管理' }).click();
    await page.waitForURL(`${baseUrl}/staffing/rotations`);
    await page.getByRole('button', { name: '发起轮岗' }).first().waitFor();
    await screenshot(page, 'rotations-due');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl}/login`);
  });

  it('the leader reads the roster and posts but cannot change them', async () => {
    const { page } = browser;
    await signIn(page, 'leader.linfen');
    await landAndOpen(page, '花名册', '/staffing/workers');
    await page.getByRole('link', { name: '罗丽华' }).first().waitFor();
    await page.getByText('只读', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '新增人员' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '导出（含身份证号）' }).count()).toBe(0);
    await screenshot(page, 'roster-leader');

    await page.goto(`${baseUrl}/staffing/rotations`);
    await page.getByText('无权访问', { exact: true }).waitFor();
  });
});
