import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, demoPassword, openBrowser, screenshot, signIn, type Browser, landAndOpen } from './support';

interface Filed {
  id: string;
  workerName: string;
  staffNo: string;
  version: number;
}

async function token(userName: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName, password: demoPassword }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function api<T>(bearer: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * HR files `count` rotation requests for workers from the end of the roster (no other journey uses them), each into a
 * different staff post of another community that has a free place.
 */
async function fileRequests(hr: string, count: number, skip: number, reason: string): Promise<Filed[]> {
  const workers = await api<{ items: { id: string; staffNo: string; orgUnitId: string }[] }>(
    hr,
    '/api/staffing/workers?pageSize=100&sort=-staffNo',
  );
  const posts = await api<{ items: { id: string; orgUnitId: string; orgUnitName: string; quota: number; filled: number }[] }>(
    hr,
    '/api/staffing/posts?hasVacancy=true&postType=staff&pageSize=200',
  );
  // Leave alone the free places other journeys count on: the targets of open requests (the phone approval) and the
  // staff posts of 阳曲路 and 闻喜路 (HR's and the worker's rotation journeys); take the posts with the most room first.
  const open = await api<{ items: { toPostId: string }[] }>(hr, '/api/staffing/rotation-requests?status=open&pageSize=200');
  const reserved = new Set(open.items.map((r) => r.toPostId));
  posts.items = posts.items
    .filter((p) => !reserved.has(p.id) && !/阳曲路|闻喜路/.test(p.orgUnitName))
    .sort((a, b) => b.quota - b.filled - (a.quota - a.filled));
  const used = new Set<string>();
  const filed: Filed[] = [];
  for (const worker of workers.items.slice(skip)) {
    if (filed.length === count) break;
    const postings = await api<{ id: string; endedOn?: string | null; isPrimary: boolean }[]>(
      hr,
      `/api/staffing/workers/${worker.id}/postings`,
    );
    const from = postings.find((p) => !p.endedOn && p.isPrimary);
    const to = posts.items.find((p) => p.orgUnitId !== worker.orgUnitId && !used.has(p.id) && p.filled < p.quota);
    if (!from || !to) continue;
    used.add(to.id);
    filed.push(
      await api<Filed>(hr, '/api/staffing/rotation-requests', {
        workerId: worker.id,
        fromPostingId: from.id,
        toPostId: to.id,
        reason,
        proposedOn: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
        submit: true,
      }),
    );
  }
  if (filed.length < count) throw new Error(`only ${filed.length} requests could be filed`);
  return filed;
}

describe('the street leader decides rotation requests in a drawer and in a batch', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a request in the drawer, then approves three at once and is told which one failed and why', async () => {
    const hr = await token('hr.linfen');
    const reason = `批量审批测试 ${Date.now().toString(36)}`;
    const filed = await fileRequests(hr, 3, 10, reason);
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'leader.linfen');
    await landAndOpen(page, '审批待办', '/approvals');
    const rows = page.getByRole('row').filter({ hasText: reason });
    await expect.poll(() => rows.count()).toBe(3);

    // The drawer: who, from where to where, the requester by name, the worker's postings; decisions at its foot.
    const first = filed[0];
    await page.getByRole('button', { name: `详情 ${first.workerName}` }).click();
    const drawer = page.getByRole('dialog', { name: `${first.workerName}的轮岗申请` });
    await drawer.getByText('临汾路街道人事专员（演示）（人事专员）').waitFor();
    await drawer.getByText(/自 \d{4}-\d{2}-\d{2} 起任现职，已满 \d+ 年/).waitFor();
    await drawer.getByText('任职经历').waitFor();
    await drawer.getByText(reason).waitFor();
    await drawer.getByRole('button', { name: '同意' }).waitFor();
    await screenshot(page, 'approvals-drawer');
    await drawer.getByRole('button', { name: '关闭详情' }).click();
    await drawer.waitFor({ state: 'hidden' });

    // Select the three; before the batch is sent, HR withdraws the third: it must be reported, not silently skipped.
    for (const request of filed) await page.getByRole('checkbox', { name: `选择 ${request.workerName}` }).check();
    const batch = page.getByRole('button', { name: '批量同意（3）' });
    await batch.click();
    const dialog = page.getByRole('dialog', { name: '批量同意 3 项轮岗申请' });
    await dialog.getByLabel('审批意见').fill('同意，批量审批。');
    await api(hr, `/api/staffing/rotation-requests/${filed[2].id}/withdraw`, { version: filed[2].version });
    await dialog.getByRole('button', { name: '同意' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const summary = page.getByRole('alert').filter({ hasText: '批量同意：2 项成功，1 项未成功' });
    await summary.waitFor();
    await summary.getByText(new RegExp(`${filed[2].workerName}（${filed[2].staffNo}）：未成功，申请已不在待审批状态（现为“已撤回”）`)).waitFor();
    for (const done of filed.slice(0, 2)) await summary.getByText(`${done.workerName}（${done.staffNo}）：已同意`).waitFor();
    await expect.poll(() => rows.count()).toBe(0);
    await screenshot(page, 'approvals-batch-result');

    // Each approval was its own call: two approved requests, the withdrawn one stays withdrawn.
    const leader = await token('leader.linfen');
    const approved = await api<{ items: { id: string }[] }>(leader, '/api/staffing/rotation-requests?status=approved&pageSize=200');
    expect(filed.map((f) => approved.items.some((a) => a.id === f.id))).toEqual([true, true, false]);
  });
});

describe('the same on a phone (390×844)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('selects cards, reads a request in a full-width drawer and batch-approves', async () => {
    const hr = await token('hr.linfen');
    const reason = `手机批量审批 ${Date.now().toString(36)}`;
    const filed = await fileRequests(hr, 2, 20, reason);
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'leader.linfen');
    await page.waitForURL(`${baseUrl}/workbench`);
    await page.goto(`${baseUrl}/approvals`);
    const cards = page.getByRole('main').getByRole('listitem').filter({ hasText: reason });
    await expect.poll(() => cards.count()).toBe(2);

    await page.getByRole('button', { name: `详情 ${filed[0].workerName}` }).click();
    const drawer = page.getByRole('dialog', { name: `${filed[0].workerName}的轮岗申请` });
    await drawer.getByText('任职经历').waitFor();
    const box = await drawer.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-approvals-drawer');
    await drawer.getByRole('button', { name: '关闭详情' }).click();
    await drawer.waitFor({ state: 'hidden' });

    for (const request of filed) await page.getByRole('checkbox', { name: `选择 ${request.workerName}` }).check();
    await page.getByRole('button', { name: '批量同意（2）' }).click();
    const dialog = page.getByRole('dialog', { name: '批量同意 2 项轮岗申请' });
    await dialog.getByRole('button', { name: '同意' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: '批量同意：2 项成功，0 项未成功' }).waitFor();
    await expect.poll(() => cards.count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-approvals-batch-result');
  });
});
