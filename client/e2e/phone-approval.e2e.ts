import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, demoPassword, openBrowser, screenshot, signIn, type Browser } from './support';

interface WaitingRequest {
  id: string;
  workerName: string;
  staffNo: string;
  reason: string;
  toPostFilled: number;
  toPostQuota: number;
}

/** A submitted request the leader can approve now (its target post has a free place), read through the API. */
async function approvableRequest(): Promise<WaitingRequest> {
  const token = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName: 'leader.linfen', password: demoPassword }),
  }).then(async (r) => ((await r.json()) as { accessToken: string }).accessToken);
  const page = (await fetch(`${baseUrl}/api/staffing/rotation-requests?status=submitted&pageSize=200`, {
    headers: { Authorization: `Bearer ${token}` },
  }).then((r) => r.json())) as { items: WaitingRequest[] };
  const request = page.items.find((r) => r.toPostFilled < r.toPostQuota);
  if (!request) throw new Error('No approvable request in the demo data');
  return request;
}

describe('the street leader approves a rotation on a phone (390×844)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the request from the workbench through the drawer menu and approves it from its card', async () => {
    const request = await approvableRequest();
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'leader.linfen');
    await page.waitForURL(`${baseUrl}/workbench`);

    // The header folds: no sign-out button or scope in it, the account in a dropdown that names the leader.
    const header = page.getByRole('banner');
    expect(await header.getByRole('button', { name: '退出登录' }).count()).toBe(0);
    await header.getByRole('button', { name: '街道领导 账号菜单' }).click();
    await page.getByRole('menuitem', { name: /街道领导/ }).waitFor();
    await page.keyboard.press('Escape');
    await screenshot(page, 'phone-workbench-leader');

    // The side menu is a drawer.
    await header.getByRole('button', { name: '菜单', exact: true }).click();
    await page.getByRole('navigation').getByRole('menuitem', { name: '审批待办' }).click();
    await page.waitForURL(`${baseUrl}/approvals`);

    // Rows are cards, with 同意 and 驳回 on screen.
    const card = page.getByRole('main').getByRole('listitem').filter({ hasText: request.reason }).filter({ hasText: request.staffNo });
    await card.waitFor();
    const approve = card.getByRole('button', { name: '同意' });
    const reject = card.getByRole('button', { name: '驳回' });
    for (const button of [approve, reject]) {
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-approvals');

    await approve.click();
    const dialog = page.getByRole('dialog', { name: /同意/ });
    await dialog.getByLabel('审批意见').fill('同意，手机审批。');
    await dialog.getByRole('button', { name: '同意' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('main').getByRole('listitem').filter({ hasText: request.reason }).filter({ hasText: request.staffNo }).count()).toBe(0);

    // On a phone the status tabs are a labelled select (five tabs would overflow into a menu inside the tab list).
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '已同意' }).click();
    await page.getByRole('main').getByRole('listitem').filter({ hasText: request.reason }).filter({ hasText: request.staffNo }).waitFor();
    await screenshot(page, 'phone-approved');
  });
});
