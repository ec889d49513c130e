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

async function post<T>(auth: Record<string, string>, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Page<T> { items: T[]; total: number }
interface Member { memberId: string; workerId: string; name: string; staffNo: string; status: string; decidedBy?: string | null }
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
    // A street's HR starts on their own street in the picker.
    const picker = page.getByRole('combobox', { name: '街道或单位' });
    await picker.waitFor();
    await page.getByText('临汾路街道（310106021）', { exact: true }).waitFor();
    const box = await picker.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'career-reserves-phone');
  });

  it('admin picks a street in the picker and sees that street’s pool', async () => {
    await browser.close();
    browser = await openBrowser({ width: 1440, height: 900 });
    const admin = await tokenOf('admin');
    const units = await get<Page<{ id: string; code: string }>>(admin, '/api/staffing/org-units?q=310106&pageSize=50');
    const unitId = (code: string) => units.items.find((u) => u.code === code)!.id;
    const linfen = await get<Page<Member>>(admin, `/api/career/reserve-pool?orgUnitId=${unitId('310106021')}&pageSize=20`);
    const jingansi = await get<Page<Member>>(admin, `/api/career/reserve-pool?orgUnitId=${unitId('310106013')}&pageSize=20`);
    const everywhere = await get<Page<Member>>(admin, '/api/career/reserve-pool?pageSize=20');
    expect(linfen.total).toBeGreaterThan(0);

    const { page } = browser;
    const rows = () => page.getByRole('row').filter({ hasText: /CW\d{6}/ });
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'admin');
    await landAndOpen(page, '职业发展', '/career/progression');
    await page.getByRole('tab', { name: '后备干部' }).click();
    await page.waitForURL(`${baseUrl}/career/reserves`);
    // Admin starts on every unit it sees.
    await expect.poll(() => rows().count()).toBe(everywhere.items.length);

    const picker = page.getByRole('combobox', { name: '街道或单位' });
    await picker.click();
    await page.keyboard.type('临汾路');
    await page.getByTitle('临汾路街道（310106021）', { exact: true }).click();
    await expect.poll(() => rows().count()).toBe(linfen.items.length);
    for (const m of linfen.items) await page.getByRole('row').filter({ hasText: m.staffNo }).waitFor();
    await screenshot(page, 'career-reserves-street');

    await picker.click();
    await page.keyboard.type('静安寺');
    await page.getByTitle('静安寺街道（310106013）', { exact: true }).click();
    await expect.poll(() => rows().count()).toBe(jingansi.items.length);
    for (const m of linfen.items.filter((l) => !jingansi.items.some((j) => j.memberId === l.memberId))) {
      expect(await page.getByRole('row').filter({ hasText: m.staffNo }).count()).toBe(0);
    }
  });

  it('the street leader accepts one nomination and rejects another in the approvals inbox', async () => {
    const hr = await tokenOf('hr.linfen');
    const pool = await get<Page<Member>>(hr, '/api/career/reserve-pool?pageSize=200');
    const taken = new Set(pool.items.map((m) => m.workerId));
    const roster = await get<Page<Worker>>(hr, '/api/staffing/workers?pageSize=100&status=active');
    const [accepted, rejected] = roster.items.filter((w) => !taken.has(w.id) && w.staffNo !== 'CW000001');
    expect(rejected).toBeDefined();
    for (const w of [accepted!, rejected!]) {
      await post(hr, '/api/career/reserve-nominations', { workerId: w.id, targetStage: 'deputy', reason: '善于做群众工作，拟列入后备干部' });
    }

    await browser.close();
    browser = await openBrowser({ width: 1440, height: 900 });
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'leader.linfen');
    await landAndOpen(page, '审批待办', '/approvals');
    await page.getByRole('tab', { name: /后备干部提名/ }).click();
    await page.waitForURL(`${baseUrl}/approvals?kind=reserve`);
    const row = (w: Worker) => page.getByRole('row').filter({ hasText: w.staffNo });
    await row(accepted!).getByText('提名待审').waitFor();
    await row(rejected!).getByText('提名待审').waitFor();
    // The leader decides nominations; nominating and editing the pool stay with HR.
    expect(await page.getByRole('button', { name: '提名后备干部' }).count()).toBe(0);
    await screenshot(page, 'career-reserve-nominations-leader');

    await row(accepted!).getByRole('button', { name: '审核提名' }).click();
    const accept = page.getByRole('dialog', { name: `审核提名 · ${accepted!.name}` });
    await accept.getByText('培养期默认两年').waitFor();
    await accept.getByRole('button', { name: /保\s?存/ }).click();
    await accept.waitFor({ state: 'hidden' });
    await expect.poll(() => row(accepted!).count()).toBe(0);

    await row(rejected!).getByRole('button', { name: '审核提名' }).click();
    const reject = page.getByRole('dialog', { name: `审核提名 · ${rejected!.name}` });
    await reject.getByRole('radio', { name: '不予入库' }).check();
    await reject.getByRole('button', { name: /保\s?存/ }).click();
    await reject.getByText('必填').waitFor();
    await reject.getByLabel('不予入库的理由').fill('群众工作经历尚短，下一年度再议');
    await reject.getByRole('button', { name: /保\s?存/ }).click();
    await reject.waitFor({ state: 'hidden' });
    await expect.poll(() => row(rejected!).count()).toBe(0);

    const after = await get<Page<Member>>(hr, '/api/career/reserve-pool?pageSize=200');
    const of = (w: Worker) => after.items.find((m) => m.workerId === w.id);
    expect(of(accepted!)).toMatchObject({ status: 'active', decidedBy: 'leader.linfen' });
    expect(of(rejected!)).toMatchObject({ status: 'rejected', decidedBy: 'leader.linfen' });
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
