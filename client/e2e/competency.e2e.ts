import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksDone } from './accessibility';
import { baseUrl, openBrowser, screenshot, signIn, type Browser } from './support';

const run = Date.now().toString(36);
const campaignName = `端到端能力测评 ${run}`;
const deputyTitle = `居委会副主任（储备）${run}`;

/** Chooses a level 1–5 in an assessment row (antd's radio buttons: the label carries the click). */
async function pick(row: Locator, level: number) {
  await row.getByRole('radio').nth(level - 1).locator('xpath=ancestor::label[1]').click();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(`${baseUrl}/login`);
}

/** A vacant deputy post in 汾西路 for the ranking (set up through the API, as HR). */
async function createVacantDeputyPost(): Promise<void> {
  const token = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName: 'hr.linfen', password: 'Demo2026cw' }),
  }).then((r) => r.json() as Promise<{ accessToken: string }>);
  const auth = { Authorization: `Bearer ${token.accessToken}`, 'Content-Type': 'application/json' };
  const units = await fetch(`${baseUrl}/api/staffing/org-units?q=310106021001&pageSize=5`, { headers: auth }).then(
    (r) => r.json() as Promise<{ items: { id: string; code: string }[] }>,
  );
  const unit = units.items.find((u) => u.code === '310106021001');
  const created = await fetch(`${baseUrl}/api/staffing/posts`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ orgUnitId: unit?.id, postType: 'deputy', title: deputyTitle, quota: 1 }),
  });
  expect(created.status).toBe(201);
}

describe('competency: from a new framework version to the worker’s radar chart', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('HR drafts and publishes a new framework version with an added competency', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/competency/frameworks`);
    await page.waitForURL(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await page.waitForURL(`${baseUrl}/competency/frameworks`);
    const published = page.getByRole('row').filter({ hasText: '已发布' }).first();
    await published.getByRole('button', { name: '新建草稿' }).click();
    const draftRow = () => page.getByRole('row').filter({ has: page.getByRole('cell', { name: '草稿', exact: true }) });
    await draftRow().waitFor();

    await page.getByLabel('编码', { exact: true }).fill(`community-building-${run}`);
    await page.getByLabel('中文名称', { exact: true }).fill('社区营造');
    await page.getByLabel('英文名称', { exact: true }).fill('Community building');
    await page.getByRole('button', { name: '添加能力项' }).click();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('新增：社区营造').waitFor(); // the diff against the published version, read back after saving

    await draftRow().getByRole('button', { name: '发布' }).click();
    await page.getByText(/已发布第 \d+ 版/).waitFor();
    await expect.poll(() => page.getByRole('row').filter({ hasText: '已停用' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'competency-framework-published');
  });

  it('HR sets the requirement profile of 社区专职工作者 with weights adding up to 100', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: '岗位能力要求' }).click();
    await page.getByRole('button', { name: '新建岗位能力要求' }).click();
    await page.getByLabel('名称', { exact: true }).fill(`社区专职工作者能力要求 ${run}`);
    await page.getByLabel('岗位类型').selectOption('staff');
    await page.getByLabel('岗位名称（可选）').fill('社区专职工作者');
    await page.getByLabel('要求等级 群众沟通').fill('4');
    await page.getByLabel('权重 群众沟通').fill('40');
    await page.getByLabel('权重 应急处置').fill('30');
    await page.getByLabel('权重 政策运用').fill('30');
    await page.getByText('权重合计：100 / 100').waitFor();
    await page.getByRole('button', { name: '新建岗位能力要求' }).click();
    await page.getByText('岗位能力要求已保存').waitFor();
    await page.getByRole('row').filter({ hasText: `社区专职工作者能力要求 ${run}` }).waitFor();
  });

  it('HR runs a campaign for 汾西路居民委员会', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: '测评活动' }).click();
    await page.getByRole('button', { name: '发起测评' }).click();
    await page.getByLabel('活动名称').fill(campaignName);
    // Let the queued accessibility checks finish first: a late check would otherwise scan the unit picker while its
    // list is open and the option it points at is not rendered yet (antd's virtual list), as in performance.e2e.ts.
    await checksDone(page);
    await page.getByRole('combobox', { name: /测评范围/ }).fill('汾西路');
    await page.getByTitle('汾西路居民委员会（310106021001）').click();
    await page.getByRole('button', { name: '发起测评' }).click();
    await page.getByText('测评活动已发起').waitFor();
    await page.getByRole('row').filter({ hasText: campaignName }).waitFor();
    await page.getByRole('row').filter({ hasText: 'CW000001' }).waitFor();
    await screenshot(page, 'competency-campaign');
    await signOut(page);
  });

  it('the worker self-assesses against the behavioural indicators', async () => {
    const { page } = browser;
    await signIn(page, 'worker.demo');
    await page.waitForURL(`${baseUrl}/workbench`);
    await page.getByRole('link', { name: '我的能力' }).click();
    const form = page.getByRole('region', { name: `待我自评：${campaignName}` });
    await form.getByRole('button', { name: '提交自评' }).waitFor();
    const rows = form.getByRole('row');
    const count = await rows.count();
    for (let i = 1; i < count; i++) {
      await pick(rows.nth(i), 4);
    }
    await form.getByRole('button', { name: '提交自评' }).click();
    await expect.poll(() => page.getByRole('region', { name: `待我自评：${campaignName}` }).count()).toBe(0);
    await signOut(page);
  });

  it('HR gives the supervisor’s assessment and finalises it', async () => {
    const { page } = browser;
    await signIn(page, 'hr.linfen');
    await page.waitForURL(`${baseUrl}/workbench`);
    await page.getByRole('link', { name: '能力体系' }).click();
    await page.getByRole('tab', { name: '测评活动' }).click();
    await page.getByRole('row').filter({ hasText: campaignName }).click();
    await page.getByRole('row').filter({ hasText: 'CW000001' }).getByRole('button', { name: /评定/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('button', { name: '提交上级评定' }).waitFor();
    const rows = drawer.getByRole('row');
    const count = await rows.count();
    for (let i = 1; i < count; i++) {
      const row = rows.nth(i);
      // 群众沟通 2 of the 4 required; the rest 3
      await pick(row, (await row.innerText()).includes('群众沟通') ? 2 : 3);
    }
    await drawer.getByRole('button', { name: '提交上级评定' }).click();
    await drawer.getByRole('button', { name: '定稿' }).click();
    await drawer.getByText('已定稿').first().waitFor();
    await screenshot(page, 'competency-finalised');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('the heat map and the ranking for a vacant deputy post show sensible results', async () => {
    const { page } = browser;
    await createVacantDeputyPost();
    await page.getByRole('tab', { name: '差距热力图' }).click();
    await page.getByRole('img', { name: /能力差距热力图/ }).waitFor();
    await page.getByRole('row').filter({ hasText: '汾西路居民委员会' }).waitFor();
    await screenshot(page, 'competency-heat-map');

    await page.getByRole('tab', { name: '候选人排名' }).click();
    await page.getByRole('combobox', { name: '目标岗位（有空缺）' }).click();
    await page.getByRole('combobox', { name: '目标岗位（有空缺）' }).fill(run);
    await page.getByTitle(new RegExp(deputyTitle.replace(/[()（）]/g, '.'))).click();
    const first = page.getByRole('row').filter({ hasText: /^1/ }).first();
    await first.waitFor();
    const fits = await page.getByRole('row').evaluateAll((rows) =>
      rows.slice(1, 6).map((r) => Number(r.querySelectorAll('td')[2]?.textContent ?? 'NaN')),
    );
    expect(fits.length).toBeGreaterThan(1);
    expect(fits.every((f) => f >= 0 && f <= 100)).toBe(true);
    expect([...fits].sort((a, b) => b - a)).toEqual(fits);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await screenshot(page, 'competency-candidates');
    await signOut(page);
  });

  it('the worker sees the radar chart against the post’s requirement and the gap', async () => {
    const { page } = browser;
    await signIn(page, 'worker.demo');
    await page.waitForURL(`${baseUrl}/workbench`);
    await page.getByRole('link', { name: '我的能力' }).click();
    await page.getByRole('img', { name: '我的能力雷达图' }).waitFor();
    await page.getByText('差 2 级').waitFor();
    await page.getByText(/岗位匹配度/).first().waitFor();
    await screenshot(page, 'competency-my-radar');
  });
});
