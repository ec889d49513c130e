import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, menuTexts, openBrowser, screenshot, signIn, type Browser } from './support';

// Every role lands on its workbench (工作台); `cards` are the to-dos the demo data gives it (the worker's depends on
// whether they have an open request, so it is not listed).
const cases = [
  {
    user: 'admin',
    role: '系统管理员',
    menu: ['工作台', '审批待办', '组织架构', '花名册', '岗位与编制', '轮岗管理', '能力体系', '考核周期', '好差评', '差评整改', '考核申诉', '考核模板与设置', '节假日安排', '培训管理', '职业发展', '队伍分析', '账号管理', '审计日志', '个人中心'],
    cards: ['任职已满轮岗年限', '有空缺的岗位'],
  },
  {
    user: 'hr.linfen',
    role: '人事专员',
    menu: ['工作台', '组织架构', '花名册', '岗位与编制', '轮岗管理', '能力体系', '考核周期', '好差评', '差评整改', '考核申诉', '考核模板与设置', '节假日安排', '培训管理', '职业发展', '队伍分析', '审计日志', '个人中心'],
    cards: ['任职已满轮岗年限', '有空缺的岗位'],
  },
  {
    user: 'leader.linfen',
    role: '街道领导',
    menu: ['工作台', '审批待办', '组织架构', '花名册', '岗位与编制', '能力体系', '考核周期', '好差评', '差评整改', '考核申诉', '考核模板与设置', '培训管理', '队伍分析', '个人中心'],
    cards: ['待审批的轮岗申请'],
  },
  { user: 'worker.demo', role: '社区工作者', menu: ['工作台', '我的档案', '我的能力', '我的考核', '个人中心'], cards: [] },
];

describe('each demo role lands on its workbench, whose every card counts the list it opens', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const c of cases) {
    it(`${c.user} sees ${c.menu.join(', ')} and cards that match their lists`, async () => {
      const { page } = browser;
      await page.goto(`${baseUrl}/login`);
      await signIn(page, c.user);
      await page.waitForURL(`${baseUrl}/workbench`);

      await expect.poll(() => menuTexts(page)).toEqual(c.menu);
      expect(await page.getByRole('banner').innerText()).toContain(c.role);
      const main = page.getByRole('main');
      await main.getByRole('heading', { name: '我的待办' }).waitFor();
      // The cards (or the empty state) once the to-dos have loaded.
      await main.locator('[data-todo], .ant-empty').first().waitFor();
      const cards = main.getByRole('list', { name: '我的待办' }).getByRole('link');
      // Each card's link is named by its whole visible text; its title and count are also data attributes.
      const labels = (await cards.count()) > 0
        ? await cards.evaluateAll((links) =>
            links
              // Staffing's cards open lists that show 共 N 条; each module's own suite holds its cards to its lists' totals.
              .filter((a) => a.getAttribute('data-module') === 'staffing')
              .map((a) => `${a.getAttribute('data-title') ?? ''} ${a.getAttribute('data-count') ?? ''}`),
          )
        : [];
      for (const card of c.cards) expect(labels.some((l) => l.startsWith(card)), `${card} in ${labels.join(' | ')}`).toBe(true);
      await screenshot(page, `workbench-${c.user}`);

      for (const label of labels) {
        const title = label.split(' ').slice(0, -1).join(' ');
        const count = Number(label.split(' ').at(-1));
        const link = main.locator(`a[data-title="${title}"]`);
        const href = await link.getAttribute('href');
        await link.click();
        await page.waitForURL(`${baseUrl}${href}`);
        await main.getByText(`共 ${count} 条`, { exact: true }).first().waitFor();
        await page.getByRole('navigation').getByRole('menuitem', { name: '工作台' }).click();
        await page.waitForURL(`${baseUrl}/workbench`);
        await main.locator('[data-todo]').first().waitFor();
      }

      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL(`${baseUrl}/login`);
    });
  }
});
