import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { checksDone } from './accessibility';
import { baseUrl, landAndOpen, openBrowser, screenshot, signIn, type Browser } from './support';

async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(`${baseUrl}/login`);
}

/** 2,000 resident ratings of the demo worker in 2026 Q3; every 25th is 非常不满意 on Wed 30 September (due after National Day). */
function ratingsWorkbook(run: string): Buffer {
  const header = ['评价编号', '工号', '服务事项', '评价等级', '评价时间', '评价内容'];
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const bad = i % 25 === 0;
    const day = new Date(Date.UTC(2026, 6, 1) + (i % 90) * 86_400_000).toISOString().slice(0, 10);
    return [`E2E-${run}-${i}`, 'CW000001', '居住证办理', bad ? '非常不满意' : i % 3 === 0 ? '满意' : '非常满意',
      `${bad ? '2026-09-30' : day} 10:00`, bad ? '材料没有一次性告知' : ''];
  });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...rows]), '好差评');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('an appraisal cycle from setup to the worker’s appeal and the incentive pay', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const run = Date.now().toString(36);
  const cycleName = `端到端季度考核 ${run}`;

  it('HR sets up a cycle for 汾西路, uploads 2,000 ratings and enters the assessments', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await landAndOpen(page, '考核周期', '/performance/cycles');
    await page.getByRole('button', { name: '新建考核周期' }).click();
    const dialog = page.getByRole('dialog', { name: '新建考核周期' });
    await dialog.getByLabel('名称').waitFor();
    // Let the page's and the dialog's accessibility checks finish first: on a loaded machine a late check would otherwise
    // scan the unit picker while its list is open and an option it points at is not rendered yet (antd's virtual list).
    await checksDone(page);
    await dialog.getByLabel('名称').fill(cycleName);
    await dialog.getByLabel('年度').fill('2026');
    await dialog.getByLabel('季度').fill('3');
    await dialog.getByRole('combobox', { name: '考核范围（单位）' }).fill('汾西路');
    await page.getByTitle('汾西路居民委员会').click();
    await dialog.getByLabel('录入截止日').fill('2026-10-20');
    await dialog.getByLabel('录入截止日').press('Enter');
    await dialog.getByLabel('校准截止日').fill('2026-10-30');
    await dialog.getByLabel('校准截止日').press('Enter');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/performance\/cycles\/[0-9a-f-]+$/);
    const cycleUrl = page.url();
    await page.getByRole('button', { name: '进入下一阶段' }).click();
    await page.getByText('录入中').first().waitFor();

    await page.goto(`${baseUrl}/performance/ratings`);
    await page.locator('input[type=file]').setInputFiles({
      name: '好差评.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: ratingsWorkbook(run),
    });
    await page.getByText('导入结果：接收 2000 条，新增 2000 条，重复 0 条，未导入 0 条，新开整改单 80 张').waitFor({ timeout: 60_000 });
    await page.getByRole('cell', { name: '2026-10-13' }).first().waitFor();
    await screenshot(page, 'performance-ratings-imported');

    await page.goto(cycleUrl);
    const enter = page.getByRole('button', { name: /^录入 / });
    await enter.first().waitFor();
    const count = await enter.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) {
      await enter.nth(i).click();
      const form = page.getByRole('dialog', { name: /录入考核/ });
      await form.getByLabel('德能勤绩廉（0–100）').fill(String(80 + (i % 15)));
      await form.getByLabel('同事互评（0–100）').fill('92');
      await form.getByRole('button', { name: '保存' }).click();
      await form.waitFor({ state: 'hidden' });
    }
    await page.getByRole('button', { name: '进入下一阶段' }).click();
    await page.getByText('校准中').first().waitFor();
    await signOut(page);
  });

  it('the leader calibrates within the quota and publishes; the pool is allocated to the fen', async () => {
    const { page } = browser;
    await signIn(page, 'leader.linfen');
    await page.waitForURL(`${baseUrl}/workbench`);
    await page.goto(`${baseUrl}/performance/cycles?status=calibrating`);
    await page.getByRole('button', { name: `查看 ${cycleName}` }).click();
    await page.waitForURL(/\/performance\/cycles\/[0-9a-f-]+$/);
    await page.getByRole('button', { name: /^校准 / }).first().click();
    const dialog = page.getByRole('dialog', { name: /校准等次/ });
    await dialog.getByRole('combobox', { name: '等次' }).click();
    await page.getByTitle('基本合格').click();
    await dialog.getByLabel('调整理由（与建议等次不同时必填）').fill('本季度两次迟报台账');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '发布结果' }).click();
    await page.getByText('已发布').first().waitFor();

    await page.getByRole('combobox', { name: '单位' }).click();
    await page.getByTitle('汾西路居民委员会').last().click();
    await page.getByLabel('奖金池（元）').fill('10000.01');
    await page.getByRole('button', { name: '计算分配' }).click();
    await page.getByText('合计 10000.01 元，奖金池 10000.01 元').waitFor();
    await screenshot(page, 'performance-published-incentives');
    const allocation = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出分配表（Excel）' }).click();
    expect((await allocation).suggestedFilename()).toMatch(/^绩效奖励-汾西路居民委员会-.*\.xlsx$/);
    const results = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出考核结果（Excel）' }).click();
    expect((await results).suggestedFilename()).toMatch(/^考核结果-.*\.xlsx$/);
    await signOut(page);
  });

  it('the worker sees their grade with its explanation and appeals', async () => {
    const { page } = browser;
    await signIn(page, 'worker.demo');
    await landAndOpen(page, '我的考核', '/performance/my');
    const card = page.locator('.ant-card').filter({ hasText: cycleName }).last();
    await card.getByText('街道德能勤绩廉考核').first().waitFor();
    await card.getByText(/^(优秀|合格|基本合格|不合格)$/).first().waitFor();
    await card.getByRole('button', { name: '提出申诉' }).click();
    const dialog = page.getByRole('dialog', { name: '对考核结果提出申诉' });
    await dialog.getByLabel('申诉理由').fill('承担了专项排查任务，请复核德能勤绩廉评分');
    await dialog.getByRole('button', { name: '提出申诉' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByText('待处理').waitFor();
    await screenshot(page, 'performance-worker-appeal');
  });

  it('HR loads next year’s holiday schedule: a row in the wrong year is named under its field, then the warning goes', async () => {
    const { page } = browser;
    await signOut(page);
    await signIn(page, 'hr.linfen');
    await landAndOpen(page, '节假日安排', '/performance/calendar');
    const next = new Date().getFullYear() + 1;
    const warning = page.getByText(`以下年度尚未加载节假日安排：${next}`);
    await warning.waitFor();
    await page.getByRole('button', { name: `加载 ${next} 年安排` }).first().click();
    const dialog = page.getByRole('dialog', { name: `加载 ${next} 年安排` });
    await dialog.getByLabel('批量粘贴').fill(`${next}-01-01 放假 元旦\n${next - 1}-12-31 放假 元旦前一日`);
    await dialog.getByRole('button', { name: '加入下方列表' }).click();
    expect(await dialog.getByLabel('第 2 行日期').inputValue()).toBe(`${next - 1}-12-31`);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText(`日期不在 ${next} 年。`).waitFor();
    await screenshot(page, 'performance-calendar-row-error');
    await dialog.getByRole('button', { name: '删除第 2 行' }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '元旦' }).first().waitFor();
    await warning.waitFor({ state: 'detached' });
    await screenshot(page, 'performance-calendar-loaded');
  });

  it('HR edits a template: weights that do not add up to 100 are refused with the template named under the indicators', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('menuitem', { name: '考核模板与设置' }).click();
    await page.waitForURL(`${baseUrl}/performance/templates`);
    await page.getByRole('button', { name: '编辑 社区工作人员考核模板' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑考核模板：社区工作人员考核模板' });
    await dialog.getByLabel('部门绩效占比').fill('5');
    await dialog.getByText('权重合计 95%').waitFor();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('模板“社区工作人员考核模板”的权重合计为 95%').waitFor();
    await screenshot(page, 'performance-template-weights');
    await dialog.getByLabel('部门绩效占比').fill('10');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('部门绩效 10%').first().waitFor();
  });
});
