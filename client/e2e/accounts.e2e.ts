import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn, type Browser, landAndOpen } from './support';

describe('administrator manages accounts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const userName = `e2e.worker.${Date.now().toString(36)}`;
  let temporaryPassword = '';

  it('creates a worker account and is shown its temporary password once', async () => {
    const { page } = browser;

    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'admin');
    await landAndOpen(page, '账号管理', '/admin/accounts');
    await page.getByRole('cell', { name: 'hr.linfen', exact: true }).waitFor();

    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByText('请输入用户名').waitFor();

    await dialog.getByLabel('用户名').fill(userName);
    await dialog.getByLabel('姓名').fill('端到端测试社工');
    await dialog.getByRole('combobox', { name: '角色' }).click();
    await page.getByTitle('社区工作者', { exact: true }).click();
    await dialog.getByRole('combobox', { name: '所属单位' }).click();
    await page.keyboard.type('汾西路');
    await page.getByTitle('汾西路居民委员会（310106021001）', { exact: true }).click();
    await dialog.getByRole('button', { name: '创建' }).click();

    const password = page.getByRole('dialog', { name: '临时密码' });
    await password.getByRole('button', { name: '复制密码' }).waitFor();
    temporaryPassword = (await password.getByLabel('临时密码').innerText()).trim();
    expect(temporaryPassword).toMatch(/^\S{8,}$/);
    await screenshot(page, 'accounts-temporary-password');
    await password.getByRole('button', { name: '我已记下' }).click();

    await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).fill(userName);
    await page.getByRole('searchbox', { name: '搜索用户名或姓名' }).press('Enter');
    await expect.poll(() => page.getByRole('row').count()).toBe(2); // the header and the one match
    const row = page.getByRole('row', { name: new RegExp(userName.replace(/\./g, '\\.')) });
    await row.getByRole('cell', { name: '汾西路居民委员会', exact: true }).waitFor();
    await row.getByText('待改密').waitFor();
    await screenshot(page, 'accounts-list');
  });

  it('lets the new account sign in with it and asks for a new password first', async () => {
    const { page } = browser;
    expect(temporaryPassword).not.toBe('');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${baseUrl}/login`);
    await signIn(page, userName, temporaryPassword);
    await page.waitForURL(`${baseUrl}/me`);
    await page.getByText('您正在使用临时密码，请先修改密码。').waitFor();

    await page.getByLabel('当前密码').fill(temporaryPassword);
    await page.getByLabel('新密码', { exact: true }).fill('short1');
    await page.getByLabel('确认新密码').fill('short1');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('新密码至少 10 位，且须同时包含字母和数字', { exact: true }).nth(1).waitFor();

    await page.getByLabel('新密码', { exact: true }).fill('E2eChanged2026');
    await page.getByLabel('确认新密码').fill('E2eChanged2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改').waitFor();
    await expect.poll(() => page.getByText('您正在使用临时密码，请先修改密码。').count()).toBe(0);
    await screenshot(page, 'me-password-changed');
  });
});
