import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, demoPassword, openBrowser, screenshot, signIn, type Browser, landAndOpen } from './support';

/** Withdraws worker.demo's open requests through the API, so that other journeys find their posting free. */
async function withdrawOpenRequests(): Promise<void> {
  const token = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName: 'worker.demo', password: demoPassword }),
  }).then(async (r) => ((await r.json()) as { accessToken: string }).accessToken);
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const page = (await fetch(`${baseUrl}/api/staffing/rotation-requests?status=submitted`, { headers: auth }).then((r) =>
    r.json(),
  )) as { items: { id: string; version: number }[] };
  for (const request of page.items) {
    await fetch(`${baseUrl}/api/staffing/rotation-requests/${request.id}/withdraw`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ version: request.version }),
    });
  }
}

describe('a worker asks for a rotation themself', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await withdrawOpenRequests();
    await browser?.close();
  });

  it('picks an open post of their own street and sees the request waiting for the leader', async () => {
    const reason = '希望到其他社区锻炼（演示）';
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'worker.demo');
    await landAndOpen(page, '我的档案', '/my-profile');

    await page.getByRole('button', { name: '申请轮岗' }).click();
    const dialog = page.getByRole('dialog', { name: '申请轮岗' });
    await expect.poll(() => dialog.getByRole('combobox', { name: /目标单位/ }).count()).toBe(0);
    await dialog.getByRole('combobox', { name: '目标岗位' }).click();
    // 闻喜路 has free places in the demo data and is neither where worker.demo starts nor where the HR journey moves them.
    await page.getByTitle(/闻喜路居民委员会 · 社区专职工作者/).click();
    // A date after the current posting began (the HR journey may have started one today).
    const date = dialog.getByLabel('拟轮岗日期');
    await date.click();
    await date.fill(new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10));
    await date.press('Enter');
    await dialog.getByLabel('轮岗理由').fill(reason);
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const filed = page.getByRole('row').filter({ hasText: reason });
    await filed.getByText('待审批').waitFor();
    await screenshot(page, 'worker-rotation-request');
  });
});
