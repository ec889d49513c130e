import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, demoPassword, openBrowser, screenshot, signIn, type Browser, landAndOpen } from './support';

async function tokenOf(userName: string): Promise<Record<string, string>> {
  const token = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName, password: demoPassword }),
  }).then(async (r) => ((await r.json()) as { accessToken: string }).accessToken);
  return { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
}

async function call<T>(auth: Record<string, string>, method: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: auth });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Application { id: string; workerId: string; workerName: string; toPostType: string; toLevel: number; targetPostId: string | null }

describe('career: my career track, this year’s progression, a promotion to deputy approved by the leader', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a worker opens my career track and sees exactly which criteria they miss', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'worker.demo');
    await landAndOpen(page, '我的档案', '/my-profile');
    const card = page.locator('.ant-card').filter({ hasText: '我的职业发展' }).first();
    await card.getByText('当前岗位等级').first().waitFor();
    await card.getByText('下一次晋级').first().waitFor();
    await card.getByRole('button', { name: /副职（主管）/ }).click();
    const worker = await tokenOf('worker.demo');
    const me = await call<{ id: string }>(worker, 'GET', '/api/staffing/workers/me');
    const deputy = (await call<{ stageCode: string; criteria: { met: boolean; missingZh: string | null }[] }[]>(worker, 'GET',
      `/api/career/workers/${me.id}/eligibility?stage=deputy`))[0];
    const missing = deputy.criteria.filter((c) => !c.met);
    expect(missing.length).toBeGreaterThan(0);
    for (const c of missing) await card.getByText(c.missingZh ?? '', { exact: true }).first().waitFor();
    await screenshot(page, 'career-my-track');
  });

  it('HR previews this year’s progression, sees each step explained, and applies it once', async () => {
    await browser.close();
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await landAndOpen(page, '职业发展', '/career/progression');
    await page.getByRole('button', { name: '预览晋级' }).click();
    await page.getByText(/满3年，考核/).first().waitFor();
    await screenshot(page, 'career-progression-preview');
    await page.getByRole('button', { name: '确认晋级' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '确认晋级' }).click();
    await page.getByText(/已确认晋级：\d+ 人/).waitFor();
    await page.getByText('已确认', { exact: true }).first().waitFor();
  });

  it('the leader approves the promotion to deputy and grade and posting change together', async () => {
    const leader = await tokenOf('leader.linfen');
    const waiting = (await call<{ items: Application[] }>(leader, 'GET', '/api/career/applications?status=reviewed')).items
      .find((a) => a.toPostType === 'deputy');
    expect(waiting).toBeDefined();
    await browser.close();
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'leader.linfen');
    await landAndOpen(page, '审批待办', '/approvals');
    // Promotions wait in the inbox next to rotations, as their own kind.
    await page.getByRole('tab', { name: /晋升审批/ }).click();
    await page.waitForURL(/kind=promotion/);
    const row = page.getByRole('row').filter({ hasText: waiting!.workerName });
    await row.getByRole('button', { name: '批准' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '批准' }).click();
    await page.getByText('已批准', { exact: true }).first().waitFor();
    await screenshot(page, 'career-approvals');
    const grades = await call<{ current: { postType: string; level: number } }>(leader, 'GET', `/api/career/workers/${waiting!.workerId}/grades`);
    expect(grades.current.postType).toBe('deputy');
    if (waiting!.targetPostId) {
      const postings = await call<{ postId: string; endedOn: string | null }[]>(leader, 'GET', `/api/staffing/workers/${waiting!.workerId}/postings`);
      expect(postings.some((p) => p.postId === waiting!.targetPostId && !p.endedOn)).toBe(true);
    }
  });
});
