import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksDone } from './accessibility';
import { baseUrl, openBrowser, screenshot, signIn, type Browser, landAndOpen } from './support';

async function tabCount(page: Page, label: string): Promise<number> {
  const text = await page.getByRole('tab', { name: new RegExp(label) }).innerText();
  return Number(/(\d+)/.exec(text)?.[1] ?? NaN);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(`${baseUrl}/login`);
}

describe('a rotation from proposal to the worker’s own record', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const reason = `端到端测试轮岗 ${Date.now().toString(36)}`;

  it('HR proposes moving CW000001 to a post with a vacancy in another community', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/staffing/workers`);
    await page.waitForURL(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await page.waitForURL(`${baseUrl}/staffing/workers`);
    const search = page.getByRole('searchbox', { name: '搜索姓名、工号或手机尾号' });
    await search.fill('CW000001');
    await search.press('Enter');
    await page.getByRole('row').filter({ hasText: 'CW000001' }).getByRole('link').click();
    await page.waitForURL(/\/staffing\/workers\/[0-9a-f-]+$/);

    await page.getByRole('tab', { name: '轮岗申请' }).click();
    await page.getByRole('button', { name: '发起轮岗' }).click();
    const dialog = page.getByRole('dialog', { name: /发起轮岗/ });
    await dialog.getByLabel('轮岗理由').waitFor();
    // Let the queued accessibility checks finish first: a late check would otherwise scan the unit picker while its
    // list is open and the option it points at is not rendered yet (antd's virtual list), as in performance.e2e.ts.
    await checksDone(page);
    await dialog.getByRole('combobox', { name: /目标单位/ }).fill('阳曲路');
    await page.getByTitle('阳曲路居民委员会（310106021002）').click();
    await dialog.getByRole('combobox', { name: '目标岗位' }).click();
    await page.getByTitle(/阳曲路居民委员会 · 社区专职工作者/).click();
    await dialog.getByLabel('轮岗理由').fill(reason);
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const filed = page.getByRole('row').filter({ hasText: reason });
    await filed.getByText('待审批').waitFor();
    await screenshot(page, 'rotation-filed');
    await signOut(page);
  });

  it('the street leader approves it in the inbox and the counts move', async () => {
    const { page } = browser;
    await signIn(page, 'leader.linfen');
    await landAndOpen(page, '审批待办', '/approvals');
    const row = page.getByRole('row').filter({ hasText: reason });
    await row.waitFor();
    const submittedBefore = await tabCount(page, '待审批');
    const approvedBefore = await tabCount(page, '已同意');

    await row.getByRole('button', { name: '同意' }).click();
    const dialog = page.getByRole('dialog', { name: /同意/ });
    await dialog.getByLabel('审批意见').fill('同意轮岗，请做好工作交接。');
    await dialog.getByRole('button', { name: '同意' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => tabCount(page, '待审批')).toBe(submittedBefore - 1);
    await expect.poll(() => tabCount(page, '已同意')).toBe(approvedBefore + 1);
    await expect.poll(() => page.getByRole('row').filter({ hasText: reason }).count()).toBe(0);
    await page.getByRole('tab', { name: /已同意/ }).click();
    await page.getByRole('row').filter({ hasText: reason }).waitFor();
    await screenshot(page, 'rotation-approved');
    await signOut(page);
  });

  it('the worker sees the new posting and the decision in their own record', async () => {
    const { page } = browser;
    await signIn(page, 'worker.demo');
    await landAndOpen(page, '我的档案', '/my-profile');
    const postings = page.getByRole('table', { name: '任职记录' });
    await postings
      .getByRole('row')
      .filter({ hasText: '阳曲路居民委员会' })
      .filter({ hasText: '在任' })
      .waitFor();
    const request = page.getByRole('table', { name: '轮岗申请' }).getByRole('row').filter({ hasText: reason });
    await request.getByText('已同意').waitFor();
    await request.getByText('同意轮岗，请做好工作交接。').waitFor();
    await screenshot(page, 'rotation-worker-profile');
  });
});
