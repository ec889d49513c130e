import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, screenshot, signIn, type Browser } from './support';

// `ready` is something the landing page shows once its data has loaded.
const cases = [
  {
    user: 'admin',
    role: '系统管理员',
    landing: '/admin/accounts',
    menu: ['审批待办', '组织架构', '花名册', '岗位与编制', '轮岗管理', '账号管理', '审计日志', '能力体系', '个人中心'],
    ready: 'hr.linfen',
  },
  {
    user: 'hr.linfen',
    role: '人事专员',
    landing: '/org-units',
    menu: ['组织架构', '花名册', '岗位与编制', '轮岗管理', '审计日志', '能力体系', '个人中心'],
    ready: '汾西路居民委员会',
  },
  {
    user: 'leader.linfen',
    role: '街道领导',
    landing: '/approvals',
    menu: ['审批待办', '组织架构', '花名册', '岗位与编制', '能力体系', '个人中心'],
    ready: '何艳',
  },
  { user: 'worker.demo', role: '社区工作者', landing: '/my-profile', menu: ['我的档案', '我的能力', '个人中心'], ready: '汾西路居民委员会' },
];

describe('each demo role signs in and sees its own navigation', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const c of cases) {
    it(`${c.user} lands on ${c.landing} with ${c.menu.join(', ')}`, async () => {
      const { page } = browser;
      await page.goto(`${baseUrl}/login`);
      await signIn(page, c.user);
      await page.waitForURL(`${baseUrl}${c.landing}`);

      const nav = page.getByRole('navigation');
      await expect.poll(() => nav.getByRole('menuitem').allInnerTexts()).toEqual(c.menu);
      expect(await page.getByRole('banner').innerText()).toContain(c.role);
      await page.getByRole('main').getByText(c.ready, { exact: true }).first().waitFor();
      await screenshot(page, `navigation-${c.user}`);

      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL(`${baseUrl}/login`);
    });
  }
});
