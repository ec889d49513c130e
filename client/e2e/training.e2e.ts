import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, demoPassword, openBrowser, screenshot, signIn, type Browser, landAndOpen } from './support';

async function tokenOf(userName: string): Promise<Record<string, string>> {
  const token = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userName, password: demoPassword }),
  }).then(async (r) => ((await r.json()) as { accessToken: string }).accessToken);
  return { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
}

async function call<T>(auth: Record<string, string>, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: auth, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;

/** Milliseconds left until midnight in China (UTC+8). */
function untilChinaMidnight(): number {
  return DAY - ((Date.now() + CHINA_OFFSET) % DAY);
}

describe('training: a session of 12 places, a waiting list, attendance and the worker’s track', () => {
  let browser: Browser;
  const title = `社区调解实务（演示 ${Date.now() % 100000}）`;
  let hoursBefore = 0;

  beforeAll(async () => {
    // The session starts later today in China (UTC+8): attendance is taken from the session's day on, enrolments may be
    // cancelled only before it starts, and its hours count in the year the track shows. Within ten minutes of midnight in
    // China there is no such moment for the whole journey, so it waits for the new day first (at most ten minutes).
    if (untilChinaMidnight() < 10 * 60_000) await new Promise((resolve) => setTimeout(resolve, untilChinaMidnight() + 5_000));
    browser = await openBrowser();
    // HR schedules a session of 12 places; worker.demo and 14 colleagues enrol (3 wait), through the API.
    const hr = await tokenOf('hr.linfen');
    const worker = await tokenOf('worker.demo');
    const me = await call<{ id: string }>(worker, 'GET', '/api/staffing/workers/me');
    hoursBefore = (await call<{ hoursDone: number }>(worker, 'GET', `/api/training/workers/${me.id}/compliance`)).hoursDone;
    const course = await call<{ id: string }>(hr, 'POST', '/api/training/courses', {
      code: `E2E-${Date.now()}`.slice(0, 20), title, category: 'service-skills', delivery: 'classroom', hours: 6, openEnrolment: true,
    });
    // Three hours ahead, or five minutes before midnight in China when that comes sooner (at least five minutes ahead).
    const starts = new Date(Date.now() + Math.min(3 * 3_600_000, untilChinaMidnight() - 5 * 60_000));
    const session = await call<{ id: string }>(hr, 'POST', '/api/training/sessions', {
      courseId: course.id, startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3 * 3_600_000).toISOString(),
      place: '临汾路街道社区党群服务中心', trainer: '王老师', capacity: 12,
      enrolDeadline: new Date(starts.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
    });
    await call(worker, 'POST', `/api/training/sessions/${session.id}/enrollments`, { workerIds: [] });
    const roster = await call<{ items: { id: string; staffNo: string; status: string }[] }>(hr, 'GET', '/api/staffing/workers?pageSize=40&sort=staffNo');
    const others = roster.items.filter((w) => w.staffNo !== 'CW000001' && w.status === 'active').slice(0, 14).map((w) => w.id);
    await call(hr, 'POST', `/api/training/sessions/${session.id}/enrollments`, { workerIds: others });
  }, 12 * 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('HR sees 3 waiting, a cancellation moves the first up, attendance is taken and hours are credited', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'hr.linfen');
    await landAndOpen(page, '培训管理', '/training/sessions');
    const row = page.getByRole('row').filter({ hasText: title });
    await row.getByText('已报 12/12，候补 3').waitFor();
    await row.getByRole('button', { name: title }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('候补第 1 位').waitFor();
    // The second enrolled row cancels (worker.demo is the first and keeps their seat).
    await drawer.getByRole('button', { name: '取消报名' }).nth(1).click();
    await page.getByText('已取消，1 人从候补递补').waitFor();
    await expect.poll(() => drawer.getByText(/候补第 \d 位/).count()).toBe(2);
    await drawer.getByRole('button', { name: '全部出勤' }).click();
    await expect.poll(() => drawer.getByText('已出勤').count()).toBe(12);
    await drawer.getByRole('button', { name: '记学时' }).click();
    await expect.poll(() => drawer.getByText('已结业 6 学时').count()).toBe(12);
    await screenshot(page, 'training-roster');
  });

  it('the worker’s track shows this year’s hours, a certificate’s expiry and a course recommended from a competency gap', async () => {
    await browser.close();
    browser = await openBrowser();
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await signIn(page, 'worker.demo');
    await landAndOpen(page, '我的档案', '/my-profile');
    const track = page.getByRole('region', { name: '培训档案' });
    // The session is today (in China): its hours count this year.
    const year = new Date(Date.now() + CHINA_OFFSET).getUTCFullYear();
    const done = hoursBefore + 6;
    await track.getByText(new RegExp(`${year} 年学时 ${done}/40`)).first().waitFor();
    await track.getByText(/剩 \d+ 天/).first().waitFor();
    await track.getByText('能力短板').first().waitFor();
    await screenshot(page, 'training-track');
  });
});
