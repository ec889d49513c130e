import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn, type Browser } from './support';

describe('pages a role may not open', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a signed-out visitor to sign-in and back to the page asked for', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/me`);
    await page.waitForURL(`${baseUrl}/login`);
    await signIn(page, 'worker.demo');
    await page.waitForURL(`${baseUrl}/me`);
    await page.getByText('修改密码', { exact: true }).first().waitFor();
  });

  it('shows a worker the 403 page for an HR address, also after a reload', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/org-units`);
    await page.getByText('无权访问', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '返回首页' }).isVisible()).toBe(true);
    await screenshot(page, 'worker-forbidden');
  });

  it('shows the 404 page for an unknown address', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/no-such-page`);
    await page.getByText('页面不存在', { exact: true }).waitFor();
    await screenshot(page, 'not-found');
  });
});
