import { afterAll, beforeAll, describe, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn, type Browser } from './support';

describe('HR ends a posting from the worker’s profile', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('ends CW000200’s current posting for 离岗 and sees it ended', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/staffing/workers`);
    await page.waitForURL(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await page.waitForURL(`${baseUrl}/staffing/workers`);
    const search = page.getByRole('searchbox', { name: '搜索姓名、工号或手机尾号' });
    await search.fill('CW000200');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('row').filter({ hasText: 'CW000200' }).getByRole('link').click();
    await page.waitForURL(/\/staffing\/workers\/[0-9a-f-]+$/);

    await page.getByRole('tab', { name: '任职记录' }).click();
    const postings = page.getByRole('table', { name: '任职记录' });
    await postings.getByRole('button', { name: '结束任职' }).first().click();
    const dialog = page.getByRole('dialog', { name: /结束任职/ });
    // Without a reason the field says what is missing.
    await dialog.getByRole('button', { name: '结束任职' }).click();
    await dialog.getByText('请选择结束原因').waitFor();
    await dialog.getByRole('combobox', { name: '结束原因' }).click();
    await page.getByTitle('离岗', { exact: true }).click();
    await dialog.getByRole('button', { name: '结束任职' }).click();
    await page.getByText('任职已结束').first().waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await postings.getByRole('cell', { name: '离岗', exact: true }).waitFor();
    await screenshot(page, 'posting-ended');
  });
});
