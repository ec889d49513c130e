import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn, type Browser } from './support';

describe('HR officer manages the organisation tree', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a community under 临汾路街道 and sees it in the tree', async () => {
    const { page } = browser;
    const suffix = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
    const code = `310106021${suffix}-${Date.now().toString(36).slice(-4)}`;
    const name = `测试居民委员会${suffix}`;

    await page.goto(`${baseUrl}/org-units`);
    await page.waitForURL(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await page.waitForURL(`${baseUrl}/org-units`);

    await page.getByRole('treeitem', { name: '临汾路街道', exact: true }).click();
    await page.getByRole('button', { name: '新建下级单位' }).click();

    const dialog = page.getByRole('dialog', { name: '在“临汾路街道”下新建单位' });
    await dialog.getByLabel('单位代码').fill(code);
    await dialog.getByLabel('单位名称').fill(name);
    await dialog.getByRole('combobox', { name: '层级' }).click();
    await page.getByTitle('居委会/村委会', { exact: true }).click();
    await dialog.getByLabel('户数').fill('1200');
    await dialog.getByLabel('人口').fill('3100');
    await dialog.getByRole('button', { name: '创建' }).click();

    const created = page.getByRole('treeitem', { name, exact: true });
    await created.waitFor();
    await page.getByText(code, { exact: true }).waitFor();
    await screenshot(page, 'org-units-created');

    await page.getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('dialog', { name: `编辑“${name}”` });
    await edit.getByLabel('单位名称').fill(`${name}（更名）`);
    await edit.getByRole('button', { name: '保存' }).click();
    await page.getByRole('treeitem', { name: `${name}（更名）`, exact: true }).waitFor();

    await page.getByRole('button', { name: '撤销单位' }).click();
    const close = page.getByRole('dialog', { name: `撤销“${name}（更名）”` });
    await close.getByRole('button', { name: '撤销单位' }).click();
    await close.getByText('请填写撤销原因').waitFor();
    await close.getByLabel('撤销原因').fill('端到端测试：合并到相邻居委会');
    await close.getByRole('button', { name: '撤销单位' }).click();
    // The tree lists active units only; the detail panel keeps showing the closed one.
    await page.getByText('端到端测试：合并到相邻居委会').waitFor();
    await page.getByRole('main').getByText('已撤销', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('treeitem', { name: `${name}（更名）`, exact: true }).count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: '编辑' }).isDisabled()).toBe(true);
    await screenshot(page, 'org-units-closed');
  });

  it('shows the duplicate code next to the field', async () => {
    const { page } = browser;
    await page.getByRole('treeitem', { name: '临汾路街道', exact: true }).click();
    await page.getByRole('button', { name: '新建下级单位' }).click();
    const dialog = page.getByRole('dialog', { name: '在“临汾路街道”下新建单位' });
    await dialog.getByLabel('单位代码').fill('310106021001');
    await dialog.getByLabel('单位名称').fill('重复代码居委会');
    await dialog.getByRole('combobox', { name: '层级' }).click();
    await page.getByTitle('居委会/村委会', { exact: true }).click();
    await dialog.getByRole('button', { name: '创建' }).click();
    // The API's localised detail names the code; it is shown under the field, which is marked invalid.
    await dialog.getByText(/310106021001/).waitFor();
    expect(await dialog.getByLabel('单位代码').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'org-units-duplicate');
    await dialog.getByRole('button', { name: '取消' }).click();
  });
});
