import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkPage } from './accessibility';
import { baseUrl, landAndOpen, openBrowser, signIn, type Browser } from './support';

// The journeys check pages as they pass, so an open picker was only checked when a check happened to catch one.
// These hold a tree picker and a date picker open and check them at rest (the end-of-test check in setup.ts judges).
describe('open pickers are accessible', () => {
  let browser: Browser;
  beforeEach(async () => {
    browser = await openBrowser({ width: 1440, height: 900 });
  });
  afterEach(async () => {
    await browser?.close();
  });

  it('an open org-unit tree picker points at the tree it shows', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'admin');
    await landAndOpen(page, '账号管理', '/admin/accounts');
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    const unit = dialog.getByRole('combobox', { name: '所属单位' });
    await unit.click();
    await page.keyboard.type('汾西路');
    await page.getByTitle('汾西路居民委员会（310106021001）', { exact: true }).waitFor();
    const controls = await unit.getAttribute('aria-controls');
    expect(controls).toBeTruthy();
    await expect.poll(() => page.locator(`[id="${controls}"]`).count()).toBe(1);
    await checkPage(page, 'tree picker open');
  });

  it('an open date picker names its year and month buttons by what they show', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'worker.demo');
    await landAndOpen(page, '我的档案', '/my-profile');
    await page.getByRole('button', { name: '申请轮岗' }).click();
    const dialog = page.getByRole('dialog', { name: '申请轮岗' });
    await dialog.getByLabel('拟轮岗日期').click();
    await page.getByRole('button', { name: /^\d{4}年$/ }).first().waitFor();
    await page.getByRole('button', { name: /^\d{1,2}月$/ }).first().waitFor();
    await checkPage(page, 'date picker open');
  });
});
