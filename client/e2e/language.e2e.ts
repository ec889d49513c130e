import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, demoPassword, openBrowser, screenshot, type Browser, menuTexts } from './support';

describe('language switch', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the app in English and remembers the choice', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();

    await page.getByLabel('User name').fill('leader.linfen');
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/workbench`);
    await expect
      .poll(() => menuTexts(page))
      .toEqual(['Workbench', 'Approvals', 'Organisation', 'Roster', 'Posts & quotas', 'Competencies', 'Appraisal cycles', 'Resident ratings', 'Rectifications', 'Appeals', 'Templates and settings', 'Training', 'Workforce insights', 'My account']);
    await page.getByRole('navigation').getByRole('menuitem', { name: 'Approvals' }).click();
    await page.waitForURL(`${baseUrl}/approvals`);
    await page.getByRole('tab', { name: /Submitted/ }).waitFor();

    await page.reload();
    await page.getByRole('tab', { name: /Submitted/ }).waitFor();
    expect(await page.getByRole('button', { name: '中文' }).isVisible()).toBe(true);
    await screenshot(page, 'language-english');

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('tab', { name: /待审批/ }).waitFor();
  });
});
