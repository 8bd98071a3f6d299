// The workbench of each role: staff see their 待办 and today's meetings, the office its unit's 公文 in transit and
// overdue steps, a leader the 公文 to sign off, today's schedule and a supervision overview, the supervision desk its
// overdue and due-soon tasks. The week grid puts a meeting in its day and time slot; the 通讯录 finds a person.
import { expect, test, type Page } from './support/test.ts';
import {
  advanceClockToChinaTime,
  asBrowser,
  chinaDate,
  signInEnrolling,
  signInStaff,
  userId,
} from './support/tongban.ts';

const DAY = 86_400_000;

async function scheduleMeeting(clerk: Page, title: string, startAt: Date, minutes: number): Promise<string> {
  const api = await asBrowser(clerk);
  const res = await api.post('/api/meetings', {
    title,
    type: 'zhuanti',
    mode: 'online',
    startAt: startAt.toISOString(),
    endAt: new Date(startAt.getTime() + minutes * 60_000).toISOString(),
    participants: { users: [{ userId: await userId(clerk, 'zhangwei', '张伟'), role: 'attendee' }], units: [] },
    acceptClashes: true,
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test('each role’s home page, the week grid and the address book', async ({ browser }) => {
  // Four people sign in, one enrolling an authenticator: longer than one spec's default on a shared machine.
  test.setTimeout(240_000);
  const page = async () => (await browser.newContext({ locale: 'zh-CN' })).newPage();

  // 09:00 in China: a meeting at 10:00 today, and one tomorrow at 14:00–15:30.
  const clerk = await page();
  const at9 = await advanceClockToChinaTime(clerk.request, 9, 0);
  const today = chinaDate(at9);
  const tomorrow = chinaDate(new Date(at9.getTime() + DAY));
  await signInStaff(clerk, 'zhaojing');
  const todayMeeting = await scheduleMeeting(clerk, '工作台今日碰头会', new Date(at9.getTime() + 60 * 60_000), 30);
  const tomorrowMeeting = await scheduleMeeting(clerk, '工作台周计划会', new Date(`${tomorrow}T14:00:00+08:00`), 90);

  // The office (赵静, clerk of 区政府办): its unit's 公文 in transit and the overdue steps, and today's meetings.
  await clerk.goto('/');
  await expect(clerk.getByTestId('home-unit-inbox')).toBeVisible();
  await expect(clerk.getByTestId('home-in-transit')).toBeVisible();
  await expect(clerk.getByTestId('home-overdue-steps')).toBeVisible();
  await expect(clerk.getByTestId('home-today')).toBeVisible();
  await expect(clerk.getByTestId('home-supervision-overview')).toHaveCount(0);
  const unitTotal = (
    (await (await clerk.request.get('/api/official-documents/in-transit')).json()) as {
      inTransit: { total: number };
    }
  ).inTransit.total;
  await expect(clerk.getByTestId('home-in-transit-item')).toHaveCount(Math.min(unitTotal, 8));

  // Staff (张伟): my 待办 and today's meetings, with the one he is invited to.
  const staff = await page();
  await signInStaff(staff, 'zhangwei');
  await expect(staff.getByTestId('home-my-todo')).toBeVisible();
  await expect(staff.getByTestId('home-in-transit')).toHaveCount(0);
  await expect(staff.getByTestId('home-today').locator(`[data-meeting-id="${todayMeeting}"]`)).toBeVisible();

  // The week grid: tomorrow's meeting sits in tomorrow's column, from the 14:00 slot, 1.5 hours tall.
  await staff.goto(`/calendar?view=week&date=${tomorrow}`);
  const event = staff.getByTestId('week-grid').locator(`[data-meeting-id="${tomorrowMeeting}"]`);
  await expect(event).toBeVisible();
  await expect(event).toHaveAttribute('data-day', tomorrow);
  await expect(event).toHaveAttribute('data-start', '14:00');
  const column = staff.locator(`.tb-week__column[data-day="${tomorrow}"]`);
  const [box, col] = [await event.boundingBox(), await column.boundingBox()];
  expect(box && col && box.x >= col.x - 1 && box.x + box.width <= col.x + col.width + 1).toBe(true);
  expect(Math.round(box!.height)).toBe(72);
  // Previous week, then back with 今天 (today's week holds today's meeting).
  await staff.getByTestId('calendar-previous').click();
  await expect(event).toHaveCount(0);
  await staff.getByTestId('calendar-today').click();
  await expect(staff.locator(`[data-meeting-id="${todayMeeting}"]`).first()).toBeVisible();
  await staff.getByText('月', { exact: true }).click();
  await expect(staff.getByTestId('month-grid').locator(`[data-day="${today}"]`)).toContainText('工作台今日碰头会');

  // The 通讯录: 张伟 finds 陈明 by name and by pinyin initials, with his unit, 职务 and office phone.
  await staff.goto('/address-book');
  const search = staff.getByTestId('address-book-search').locator('input');
  await search.fill('陈明');
  await search.press('Enter');
  const row = staff.locator('.ant-table-row').filter({ hasText: '陈明' });
  await expect(row).toContainText('区人民政府');
  await expect(row).toContainText('区长');
  await expect(row).toContainText(/0571-8688\d{4}/);
  await search.fill('cm');
  await search.press('Enter');
  await expect(staff.locator('.ant-table-row')).toHaveCount(1);
  await expect(staff.locator('.ant-table-row')).toContainText('陈明');
  await search.fill('系统管理员');
  await search.press('Enter');
  await expect(staff.locator('.ant-table-row')).toHaveCount(0);

  // A leader (李华): the 公文 to sign off, today's schedule and the supervision overview.
  const leader = await page();
  await signInEnrolling(leader, 'lihua');
  await expect(leader.getByTestId('home-sign-off')).toBeVisible();
  await expect(leader.getByTestId('home-supervision-overview')).toBeVisible();
  await expect(leader.getByTestId('home-today')).toContainText('今日日程');
  await expect(leader.getByTestId('home-in-transit')).toHaveCount(0);

  // The supervision desk (周强): overdue and due-soon tasks, as many as the dashboard counts.
  const desk = await page();
  await signInStaff(desk, 'zhouqiang');
  await expect(desk.getByTestId('home-overdue-tasks')).toBeVisible();
  await expect(desk.getByTestId('home-due-soon-tasks')).toBeVisible();
  const dashboard = (await (await desk.request.get('/api/supervision/dashboard')).json()) as {
    overdue: unknown[];
  };
  await expect(desk.getByTestId('home-overdue-tasks').getByTestId('home-task')).toHaveCount(
    Math.min(dashboard.overdue.length, 6),
  );
});
