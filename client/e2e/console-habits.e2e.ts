import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn, type Browser, landAndOpen } from './support';

/** Clicks a button that starts a download and returns the file's suggested name. */
async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).first().click()]);
  return file.suggestedFilename();
}

/** Whether two form fields (by label) sit side by side (same row) rather than one above the other. */
async function sideBySide(scope: ReturnType<Page['getByRole']>, a: string, b: string): Promise<boolean> {
  const first = await scope.getByText(a, { exact: true }).boundingBox();
  const second = await scope.getByText(b, { exact: true }).boundingBox();
  return first !== null && second !== null && Math.abs(first.y - second.y) < 4 && second.x > first.x + 50;
}

describe('console habits for HR: required fields, exports, column settings, two-column forms, org paths by name', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser({ width: 1440, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the post form says what each missing field needs, and a server problem lands on its field', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await landAndOpen(page, '岗位与编制', '/staffing/posts');
    await page.getByRole('button', { name: '新增岗位' }).click();
    const dialog = page.getByRole('dialog', { name: /新增岗位|新建岗位|设岗/ });
    await dialog.getByLabel('编制数').fill('');
    await dialog.getByRole('button', { name: '创建' }).click();
    await dialog.getByText('请填写岗位名称').waitFor();
    await dialog.getByText('请填写编制数（可为 0）').waitFor();
    expect(await dialog.getByText('必填', { exact: true }).count()).toBe(0);
    expect(await sideBySide(dialog, '岗位类别', '岗位名称')).toBe(true);
    await screenshot(page, 'post-form-required');

    // The API refuses a quota over its limit naming the field: the message is under 编制数, not in a notification.
    await dialog.getByLabel('岗位名称').fill('端到端超额岗位');
    await dialog.getByLabel('编制数').fill('1001');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => dialog.getByLabel('编制数').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'post-form-server-field');
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('exports the posts and the rotation requests as .xlsx', async () => {
    const { page } = browser;
    expect(await download(page, '导出 Excel')).toMatch(/^岗位-\d{8}-\d{4}\.xlsx$/);
    await page.getByRole('navigation').getByRole('menuitem', { name: '轮岗管理' }).click();
    await page.waitForURL(`${baseUrl}/staffing/rotations`);
    // The posts page (and its own export button) stays on screen until the rotations page has loaded: wait for the latter.
    await page.getByRole('combobox', { name: '按状态筛选' }).waitFor();
    expect(await download(page, '导出 Excel')).toMatch(/^轮岗申请-\d{8}-\d{4}\.xlsx$/);
    await screenshot(page, 'rotations-export');
  });

  it('the rotation form names each missing field', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: '发起轮岗' }).first().click();
    const dialog = page.getByRole('dialog', { name: /发起轮岗/ });
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('请选择目标岗位').waitFor();
    await dialog.getByText('请填写轮岗理由').waitFor();
    expect(await dialog.getByText('必填', { exact: true }).count()).toBe(0);
    await screenshot(page, 'rotation-form-required');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('the roster remembers hidden columns for this user, and the worker form has two columns', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('menuitem', { name: '花名册' }).click();
    await page.waitForURL(`${baseUrl}/staffing/workers`);
    const table = page.getByRole('table');
    await table.getByRole('columnheader', { name: '性别' }).waitFor();
    await page.getByRole('button', { name: '列设置' }).click();
    await page.getByRole('checkbox', { name: '性别' }).uncheck();
    await page.getByRole('checkbox', { name: '政治面貌' }).uncheck();
    await expect.poll(() => table.getByRole('columnheader', { name: '性别' }).count()).toBe(0);
    await screenshot(page, 'roster-column-settings');
    await page.keyboard.press('Escape');

    await page.reload();
    await table.getByRole('columnheader', { name: '学历' }).waitFor();
    expect(await table.getByRole('columnheader', { name: '性别' }).count()).toBe(0);
    expect(await table.getByRole('columnheader', { name: '政治面貌' }).count()).toBe(0);
    await screenshot(page, 'roster-columns-remembered');
    // 1440 px: no horizontal scrolling of the status column.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);

    await page.getByRole('button', { name: '列设置' }).click();
    await page.getByRole('button', { name: '恢复默认列' }).click();
    await table.getByRole('columnheader', { name: '性别' }).waitFor();
    await page.keyboard.press('Escape');
    // Every column at 1440 px: the status column is on screen without scrolling the table.
    const status = await table.getByRole('columnheader', { name: '状态' }).boundingBox();
    expect(status!.x + status!.width).toBeLessThanOrEqual(1440);
    await screenshot(page, 'roster-1440');

    await page.getByRole('button', { name: '新增人员' }).click();
    const dialog = page.getByRole('dialog', { name: '新增人员' });
    await dialog.getByText('姓名', { exact: true }).waitFor();
    expect(await sideBySide(dialog, '姓名', '民族')).toBe(true);
    await screenshot(page, 'worker-form-two-columns');
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('the org unit shows where it sits as names, not codes', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('menuitem', { name: '组织架构' }).click();
    await page.waitForURL(`${baseUrl}/org-units`);
    await page.getByRole('treeitem', { name: '汾西路居民委员会', exact: true }).click();
    await page.getByText('临汾路街道 / 汾西路居民委员会', { exact: true }).waitFor();
    expect(await page.getByText('/310106021001/').count()).toBe(0);
    await screenshot(page, 'org-unit-path-names');
  });
});

describe('the same forms on a phone (390×844): one column', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the worker form stacks its fields and the post list keeps its export button on screen', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await page.waitForURL(`${baseUrl}/workbench`);
    await page.goto(`${baseUrl}/staffing/workers`);
    await page.getByRole('button', { name: '新增人员' }).click();
    const dialog = page.getByRole('dialog', { name: '新增人员' });
    await dialog.getByText('姓名', { exact: true }).waitFor();
    expect(await sideBySide(dialog, '姓名', '民族')).toBe(false);
    await dialog.screenshot({ path: 'e2e/screenshots/phone-worker-form.png' });
    await dialog.getByRole('button', { name: '取消' }).click();

    await page.goto(`${baseUrl}/staffing/posts`);
    const exportButton = page.getByRole('button', { name: '导出 Excel' });
    await exportButton.waitFor();
    const box = await exportButton.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone-posts');
  });
});
