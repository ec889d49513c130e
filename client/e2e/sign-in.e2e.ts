import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn, type Browser, landAndOpen } from './support';

describe('sign-in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks for the missing fields without calling the API', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('请输入用户名').waitFor();
    await page.getByText('请输入密码').waitFor();
  });

  // One wrong password only: five would lock the shared demo account.
  it('says so when the password is wrong', async () => {
    const { page } = browser;
    await signIn(page, 'leader.linfen', 'wrong-password-1');
    await page.getByRole('alert').getByText('用户名或密码错误。').waitFor();
    expect(page.url()).toBe(`${baseUrl}/login`);
    await screenshot(page, 'sign-in-wrong-password');
  });

  it('keeps the session over a reload, and ends it when the refresh token was used elsewhere', async () => {
    const { page } = browser;
    await signIn(page, 'leader.linfen');
    await landAndOpen(page, '审批待办', '/approvals');
    await page.reload();
    await page.getByRole('tab', { name: /待审批/ }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/approvals`);

    // Someone else presents the tab's refresh token first; the tab's copy is now a reused, revoked token.
    const stored = await page.evaluate(() => sessionStorage.getItem('cw.refreshToken'));
    const stolen = await fetch(`${baseUrl}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken: stored }),
    });
    expect(stolen.status).toBe(200);

    await page.reload();
    await page.waitForURL(`${baseUrl}/login`);
    await page.getByText('登录已失效，请重新登录。').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('cw.refreshToken'))).toBeNull();
    await screenshot(page, 'sign-in-session-ended');
  });

  // Every page load refreshes the session; that has its own limit per session, not the sign-in limit per address.
  it('stays signed in over thirty reloads within a minute', async () => {
    const { page } = browser;
    await signIn(page, 'hr.linfen');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const home = page.url();
    for (let i = 0; i < 30; i++) {
      const before = await page.evaluate(() => sessionStorage.getItem('cw.refreshToken'));
      const [refresh] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh')),
        page.reload(),
      ]);
      expect(refresh.status(), `reload ${i + 1}`).toBe(200);
      // The rotated token is stored before the next reload (a token is spent once: presenting it again ends the session).
      await page.waitForFunction((old) => sessionStorage.getItem('cw.refreshToken') !== old, before);
    }
    await page.waitForLoadState('networkidle');
    expect(page.url()).toBe(home);
  });
});
