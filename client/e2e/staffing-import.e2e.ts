import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenId, rosterWorkbook, type RosterRow } from './roster-sheet';
import { baseUrl, openBrowser, screenshot, signIn, type Browser } from './support';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(page: Page, name: string, buffer: Buffer) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('dialog', { name: '导入花名册' }).getByRole('button', { name: /点击或拖拽|已选择/ }).click();
  await (await chooser).setFiles({ name, mimeType: xlsxType, buffer });
}

describe('HR imports the roster from Excel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const run = Date.now().toString(36).slice(-4);
  const seq = 100 + Math.floor(Math.random() * 800);
  const person = (i: number, birth: string): RosterRow => ({
    姓名: `导入测试${run}${'甲乙丙丁'[i]}`,
    身份证号: citizenId(birth, seq + i * 2),
    民族: '01',
    政治面貌: '13',
    学历: '21',
    入职日期: '2024-03-01',
    社区工作起始日期: '2024-03-01',
    所属单位编码: '310106021002',
  });
  const good = [person(0, '19900105'), person(1, '19880612'), person(2, '19950321'), person(3, '19921130')];

  it('downloads the template, sees the bad rows by row and column, fixes them and imports', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/staffing/workers`);
    await page.waitForURL(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await page.waitForURL(`${baseUrl}/staffing/workers`);
    await page.getByRole('button', { name: '导入' }).click();
    const dialog = page.getByRole('dialog', { name: '导入花名册' });

    const template = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '下载导入模板' }).click();
    expect((await template).suggestedFilename()).toMatch(/\.xlsx$/);

    // Rows 3–5 of the sheet are wrong: a bad check digit, an unknown education code, an unknown unit.
    const bad: RosterRow[] = [
      good[0],
      { ...good[1], 身份证号: `${good[1].身份证号!.slice(0, 17)}${good[1].身份证号!.endsWith('0') ? '1' : '0'}` },
      { ...good[2], 学历: '99' },
      { ...good[3], 所属单位编码: '310106021999' },
    ];
    await upload(page, 'roster-bad.xlsx', rosterWorkbook(bad));
    await dialog.getByText(/共 4 行，通过 1 行/).waitFor();
    const errors = dialog.getByRole('table');
    for (const [row, column] of [
      ['3', '身份证号'],
      ['4', '学历'],
      ['5', '所属单位编码'],
    ]) {
      await errors.getByRole('row').filter({ has: page.getByRole('cell', { name: row, exact: true }) }).getByText(column).first().waitFor();
    }
    expect(await dialog.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await screenshot(page, 'roster-import-errors');

    const report = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '下载错误报告' }).click();
    expect((await report).suggestedFilename()).toMatch(/\.xlsx$/);

    await upload(page, 'roster-fixed.xlsx', rosterWorkbook(good));
    await dialog.getByText('校验通过，可以确认导入。').waitFor();
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await dialog.getByText('已导入 4 人').first().waitFor();
    await screenshot(page, 'roster-import-done');
    await dialog.getByRole('button', { name: '完成' }).click();

    await page.getByRole('searchbox', { name: '搜索姓名、工号或手机尾号' }).fill(good[2].姓名!);
    await page.getByRole('searchbox', { name: '搜索姓名、工号或手机尾号' }).press('Enter');
    await page.getByRole('link', { name: good[2].姓名!, exact: true }).waitFor();
    await page.getByRole('cell', { name: '阳曲路居民委员会' }).first().waitFor();
    await screenshot(page, 'roster-import-found');
  });
});
