import { afterAll, beforeAll, describe, it } from 'vitest';
import { checksDone } from './accessibility';
import { baseUrl, openBrowser, screenshot, signIn, type Browser } from './support';

describe('HR tries to post a worker into a full post', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is refused with the headcount message naming the post', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/staffing/workers`);
    await page.waitForURL(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await page.waitForURL(`${baseUrl}/staffing/workers`);

    const search = page.getByRole('searchbox', { name: '搜索姓名、工号或手机尾号' });
    await search.fill('CW000100');
    await search.press('Enter');
    const row = page.getByRole('row').filter({ hasText: 'CW000100' });
    await row.getByRole('link').click();
    await page.waitForURL(/\/staffing\/workers\/[0-9a-f-]+$/);

    await page.getByRole('tab', { name: '任职记录' }).click();
    await page.getByRole('button', { name: '安排任职' }).click();
    const dialog = page.getByRole('dialog', { name: /安排任职/ });
    await dialog.getByRole('combobox', { name: '单位' }).waitFor();
    // Let the queued accessibility checks finish first: a late check would otherwise scan the unit picker while its
    // list is open and the option it points at is not rendered yet (antd's virtual list), as in performance.e2e.ts.
    await checksDone(page);
    await dialog.getByRole('combobox', { name: '单位' }).fill('汾西路');
    await page.getByTitle('汾西路居民委员会（310106021001）').click();
    await dialog.getByRole('combobox', { name: '岗位' }).click();
    await page.getByTitle(/汾西路居民委员会 · 居委会主任/).click();
    await dialog.getByRole('switch', { name: '设为主岗' }).click();
    await dialog.getByRole('button', { name: '确定任职' }).click();

    const refusal = dialog.getByRole('alert');
    await refusal.getByText('岗位编制已满').waitFor();
    await refusal.getByText(/“居委会主任”岗位的编制已满/).waitFor();
    await screenshot(page, 'posting-headcount-refused');
  });
});
