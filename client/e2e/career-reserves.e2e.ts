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

async function get<T>(auth: Record<string, string>, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: auth });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Page<T> { items: T[]; total: number }
interface Member { memberId: string; workerId: string; name: string; status: string }
interface Worker { id: string; name: string; staffNo: string; status: string }

describe('career: HR nominates a reserve cadre, accepts the nomination and plans a course; a worker applies for the next step', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser({ width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('HR nominates → accepts → adds a course to the development plan', async () => {
    const hr = await tokenOf('hr.linfen');
    const pool = await get<Page<Member>>(hr, '/api/career/reserve-pool?pageSize=200');
    const taken = new Set(pool.items.map((m) => m.workerId));
    const roster = await get<Page<Worker>>(hr, '/api/staffing/workers?pageSize=100&status=active');
    const worker = roster.items.find((w) => !taken.has(w.id) && w.staffNo !== 'CW000001' && w.status === 'active');
    expect(worker).toBeDefined();

    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await landAndOpen(page, '职业发展', '/career/progression');
    await page.getByRole('tab', { name: '后备干部' }).click();
    await page.waitForURL(`${baseUrl}/career/reserves`);
    await page.getByText('提名待审').first().waitFor();
    await screenshot(page, 'career-reserves');

    await page.getByRole('button', { name: '提名后备干部' }).click();
    const dialog = page.getByRole('dialog', { name: '提名后备干部' });
    // The form names the field that is missing before anything is sent.
    await dialog.getByRole('button', { name: '提名后备干部' }).click();
    await dialog.getByText('必填').first().waitFor();
    await dialog.getByRole('combobox', { name: '人员' }).click();
    await page.keyboard.type(worker!.staffNo);
    await page.getByTitle(`${worker!.name}（${worker!.staffNo}）`, { exact: true }).click();
    await dialog.getByLabel('理由').fill('群众工作扎实，善于协调矛盾');
    await dialog.getByRole('button', { name: '提名后备干部' }).click();
    await page.getByText('已提名，等待审核').waitFor();

    const row = page.getByRole('row').filter({ hasText: worker!.staffNo });
    await row.getByText('提名待审').waitFor();
    await row.getByRole('button', { name: '审核提名' }).click();
    const decide = page.getByRole('dialog', { name: /审核提名/ });
    await decide.getByText('培养期默认两年').waitFor();
    await decide.getByRole('button', { name: /保\s?存/ }).click();
    await row.getByText('在库').waitFor();

    await row.getByRole('button', { name: `培养计划 ${worker!.name}` }).click();
    const drawer = page.getByRole('dialog', { name: new RegExp(`培养计划 · ${worker!.name}`) });
    await drawer.getByText('尚无培养事项').waitFor();
    await drawer.getByRole('button', { name: '添加培养事项' }).click();
    const item = page.getByRole('dialog', { name: '添加培养事项' });
    await item.getByRole('combobox', { name: '课程' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await item.getByLabel('备注').fill('提升群众工作能力');
    await item.getByRole('button', { name: /保\s?存/ }).click();
    await drawer.getByText('计划中').waitFor();
    await drawer.getByText('提升群众工作能力').waitFor();
    await screenshot(page, 'career-reserve-plan');

    const after = await get<Page<Member>>(hr, '/api/career/reserve-pool?status=active&pageSize=200');
    expect(after.items.some((m) => m.workerId === worker!.id)).toBe(true);
  });

  it('the pool is a list of cards on a phone', async () => {
    await browser.close();
    browser = await openBrowser({ width: 390, height: 844 });
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await page.waitForURL(`${baseUrl}/workbench`);
    await page.goto(`${baseUrl}/career/reserves`);
    await page.getByText('提名待审').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'career-reserves-phone');
  });

  it('a worker sees what their next step still misses and applies for it', async () => {
    await browser.close();
    browser = await openBrowser({ width: 1440, height: 900 });
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'worker.demo');
    await landAndOpen(page, '我的档案', '/my-profile');
    const card = page.locator('.ant-card').filter({ hasText: '我的下一步' }).first();
    await card.getByText(/还差 \d+ 项条件/).waitFor();
    await card.getByRole('button', { name: '申请晋升' }).click();
    const dialog = page.getByRole('dialog', { name: '申请晋升' });
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await dialog.getByText('必填').first().waitFor();
    await dialog.getByLabel('申请理由').fill('任现职以来群众满意度高，希望承担更多责任');
    await dialog.getByRole('button', { name: '提交申请' }).click();
    await page.getByText('申请已提交，等待人事审核').waitFor();
    await card.getByText('待人事审核').waitFor();
    await screenshot(page, 'career-next-step');
    const worker = await tokenOf('worker.demo');
    const mine = await get<Page<{ status: string; appliedRole: string }>>(worker, '/api/career/applications?status=submitted');
    expect(mine.items.some((a) => a.appliedRole === 'worker')).toBe(true);
  });

  it('HR edits the ladder and a stage’s criteria; the server’s refusal lands on the field', async () => {
    await browser.close();
    browser = await openBrowser({ width: 1440, height: 900 });
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await page.waitForURL(`${baseUrl}/workbench`);
    await page.goto(`${baseUrl}/career/ladder`);
    await page.getByRole('button', { name: '编辑等级序列' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑等级序列' });
    await dialog.getByLabel('最高等级').first().fill('1');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.getByText('上限不能低于下限。').waitFor();
    await screenshot(page, 'career-ladder-form');
    await dialog.getByRole('button', { name: /取\s?消/ }).click();

    await page.getByRole('button', { name: /编辑条件 副职/ }).click();
    const stage = page.getByRole('dialog', { name: /编辑发展阶段条件/ });
    await stage.getByLabel('近12个月培训学时').fill('24');
    await stage.getByRole('button', { name: /保\s?存/ }).click();
    await stage.waitFor({ state: 'hidden' });
    await page.getByText('近12个月培训学时 ≥ 24').first().waitFor();
    await screenshot(page, 'career-ladder');
  });
});
