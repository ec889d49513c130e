import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openBrowser, signIn, type Browser } from './support';

// What the browser downloads (issue 17): the sign-in page alone is small, and a page asks for each query once.
describe('delivery', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the sign-in page transfers under 400 KB, compressed, without the signed-in app', async () => {
    const { page } = browser;
    const responses: { url: string; encoding: string | undefined; cache: string | undefined }[] = [];
    page.on('response', (r) => {
      const headers = r.headers();
      responses.push({ url: r.url(), encoding: headers['content-encoding'], cache: headers['cache-control'] });
    });
    await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: '登录' }).waitFor();

    const transferred = await page.evaluate(() =>
      [
        ...(performance.getEntriesByType('navigation') as PerformanceResourceTiming[]),
        ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]),
      ].reduce((sum, e) => sum + e.transferSize, 0),
    );
    expect(transferred).toBeGreaterThan(0);
    expect(transferred).toBeLessThan(400 * 1024);
    const scripts = responses.filter((r) => r.url.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.encoding, script.url).toBe('br');
      expect(script.cache, script.url).toContain('immutable');
    }
    // Ant Design and the pages come after signing in.
    expect(responses.filter((r) => /\/assets\/workspace-/.test(r.url))).toEqual([]);
  });

  it('the roster asks for each query once', async () => {
    const { page } = browser;
    await signIn(page, 'hr.linfen');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/') && r.method() === 'GET') requests.push(r.url().replace(baseUrl, ''));
    });
    await page.getByRole('navigation').getByRole('link', { name: '花名册' }).click();
    await page.getByRole('link', { name: '罗丽华' }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(requests.length).toBeGreaterThan(0);
    const repeated = requests.filter((url, i) => requests.indexOf(url) !== i);
    expect(repeated, requests.join('\n')).toEqual([]);
  });
});
