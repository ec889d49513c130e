import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, demoPassword, openBrowser, screenshot, signIn, type Browser, landAndOpen } from './support';

async function tokenOf(userName: string, password = demoPassword): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userName, password }),
  });
  const token = ((await response.json()) as { accessToken: string }).accessToken;
  return { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
}

async function call<T>(auth: Record<string, string>, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: auth, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A valid GB 11643 number (area 440305, never the demo's), odd sequence = male. */
function idNumber(birth: string, sequence: number): string {
  const first17 = `440305${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

describe('insights: HR of 静安区 drills down to a community, sees its gap, retirements and a transfer it files; the leader sees only their street', () => {
  let browser: Browser;
  const suffix = Date.now() % 100000;
  const shortName = `演示短缺居委会${suffix}`;
  const districtHr = `hr.jingan${suffix}`;
  const password = 'Journey2026pw';
  let lineName = '';

  beforeAll(async () => {
    browser = await openBrowser();
    const admin = await tokenOf('admin');
    const units = await call<{ items: { id: string; code: string }[] }>(admin, 'GET', '/api/staffing/org-units?q=310106&pageSize=50');
    const district = units.items.find((u) => u.code === '310106')!.id;
    const street = units.items.find((u) => u.code === '310106021')!.id;
    // A 全岗通 service line with holders in 静安区, as the dashboard names it (CompetencyFramework's Chinese name).
    const dashboard = await call<{ allRound: { lines: { key: string; nameZh: string }[] } }>(admin, 'GET', `/api/insights/org-units/${district}/dashboard`);
    lineName = dashboard.allRound.lines[0]!.nameZh;
    expect(lineName).not.toBe(dashboard.allRound.lines[0]!.key);
    // A community 5 short of its norm (population 3,000 → 6) with room for 5 in its quota; the demo street's other
    // communities are above their norms, with workers due for rotation.
    const unit = (name: string, code: string, population: number) =>
      call<{ id: string }>(admin, 'POST', '/api/staffing/org-units', { parentId: street, code, name, level: 'community', population });
    // 901–999: the demo street's service centre is 310106021900.
    const short = await unit(shortName, `310106021${901 + (suffix % 99)}`, 3000);
    const post = (orgUnitId: string, quota: number) =>
      call<{ id: string }>(admin, 'POST', '/api/staffing/posts', { orgUnitId, postType: 'staff', title: `社区专职工作者${suffix}`, quota });
    const shortPost = await post(short.id, 6);
    const people: [string, string, number][] = [[short.id, '1966-07-01', 9]];
    for (const [orgUnitId, birth, seq] of people) {
      const worker = await call<{ id: string }>(admin, 'POST', '/api/staffing/workers', {
        name: `演示人员${seq}${suffix}`, idNumber: idNumber(birth, (suffix % 400) * 2 + seq), ethnicGroup: '01', politicalStatus: '13', education: '21',
        hireDate: '2015-01-01', serviceStartDate: '2015-01-01', orgUnitId,
      });
      await call(admin, 'POST', '/api/staffing/postings', { workerId: worker.id, postId: shortPost.id, startedOn: '2018-01-01', reason: 'hire' });
    }
    // An HR officer for the whole district (静安区), who sets their own password.
    const account = await call<{ temporaryPassword: string }>(admin, 'POST', '/api/access/accounts',
      { userName: districtHr, displayName: '静安区人事专员', role: 'hr', orgUnitId: district });
    await call(await tokenOf(districtHr, account.temporaryPassword), 'POST', '/api/me/password', { currentPassword: account.temporaryPassword, newPassword: password });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('HR drills from 静安区 to the short community, reads its gap and retirements, and files a suggested transfer', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, districtHr, password);
    await landAndOpen(page, '队伍分析', '/insights/dashboard');
    await page.getByRole('heading', { name: '队伍分析 · 静安区' }).waitFor();
    // The 全岗通 chart's table view names the service lines in Chinese, not by their codes.
    await page.getByLabel('全岗通覆盖的显示方式').getByText('表格').click();
    await page.getByRole('cell', { name: lineName, exact: true }).first().waitFor();
    await page.getByRole('button', { name: '查看 临汾路街道' }).click();
    await page.getByRole('heading', { name: '队伍分析 · 临汾路街道' }).waitFor();
    await page.getByRole('button', { name: `查看 ${shortName}` }).click();
    await page.getByRole('heading', { name: `队伍分析 · ${shortName}` }).waitFor();
    const trail = page.getByRole('navigation', { name: '所在层级' });
    expect(await trail.getByRole('link').allTextContents()).toEqual(['静安区', '临汾路街道']);
    await screenshot(page, 'insights-community-dashboard');

    await page.getByRole('tab', { name: '配备对标' }).click();
    await page.getByRole('table', { name: '缺员排行' }).getByText('缺员 -5').waitFor();

    await page.getByRole('tab', { name: '需求预测' }).click();
    const forecast = page.getByRole('table', { name: '需求预测' });
    await forecast.waitFor();
    // The one worker born in 1966 reaches the statutory age within the first year.
    expect(await forecast.getByRole('row').nth(1).getByRole('cell').nth(1).textContent()).toBe('1');
    await page.getByText('后备干部库 0 人').waitFor();
    await screenshot(page, 'insights-forecast');

    await trail.getByRole('link', { name: '临汾路街道' }).click();
    await page.getByRole('heading', { name: '队伍分析 · 临汾路街道' }).waitFor();
    await page.getByRole('tab', { name: '调配建议' }).click();
    const suggestions = page.getByRole('table', { name: '调配建议' });
    const rows = suggestions.getByRole('row').filter({ hasText: shortName });
    await rows.first().getByText('已到轮岗年限').waitFor();
    const before = await rows.count();
    await screenshot(page, 'insights-transfers');
    await rows.first().getByRole('button', { name: /^发起轮岗申请/ }).click();
    await page.getByText('已提交轮岗申请，待街道领导审批').first().waitFor();
    // The worker now has an open request: the plan is solved again without them.
    await expect.poll(() => rows.count()).toBe(before - 1);
  });

  it('the leader of 临汾路 sees only their street', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl}/login`);
    await signIn(page, 'leader.linfen');
    await landAndOpen(page, '队伍分析', '/insights/dashboard');
    await page.getByRole('heading', { name: '队伍分析 · 临汾路街道' }).waitFor();
    const trail = page.getByRole('navigation', { name: '所在层级' });
    expect(await trail.textContent()).toBe('临汾路街道');
    await page.getByRole('button', { name: `查看 ${shortName}` }).waitFor();
    expect(await page.getByText('静安区').count()).toBe(0);
  });
});
