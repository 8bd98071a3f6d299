// Meetings end to end, in three browsers at once: the clerk 赵静 schedules a hybrid meeting with two agenda items and
// uploads a PDF; 张伟, invited, sees the notice arrive without reloading and asks for leave (请假) with a reason; the
// clerk's reply board counts the leave live; on the room screen the rotating QR code signs 何军 in, and the host's
// board shows him present.
import { expect, test, type Browser, type Page } from './support/test.ts';
import { advanceClock, asBrowser, chooseOption, serverNow, signInStaff } from './support/tongban.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SHANGHAI = 8 * 60 * MINUTE;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** Wall-clock date and time in China at an instant. */
const chinaDate = (at: Date) => new Date(at.getTime() + SHANGHAI).toISOString().slice(0, 10);
const chinaTime = (at: Date) => new Date(at.getTime() + SHANGHAI).toISOString().slice(11, 16);

async function person(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInStaff(page, username);
  return page;
}

async function pickPerson(page: Page, label: string, name: string, option: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  await field.fill(name);
  await chooseOption(page, option);
}

test('a hybrid meeting: scheduled with agenda and PDF, a live notice, 请假 counted live, sign-in by the QR code', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  // Keep the meeting within one day in China: if it is late there, move the server's clock to tomorrow morning first
  // (before anyone signs in, so no session sees the jump).
  let now = await serverNow(request);
  const minuteOfDay = ((now.getTime() + SHANGHAI) % DAY) / MINUTE;
  if (minuteOfDay < 6 * 60 || minuteOfDay > 21 * 60)
    now = await advanceClock(request, ((8 * 60 - minuteOfDay + 24 * 60) % (24 * 60)) * MINUTE);
  const start = new Date(Math.ceil((now.getTime() + 40 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE);
  const end = new Date(start.getTime() + 90 * MINUTE);
  const title = `区政府专题会议 ${chinaTime(start)}`;

  const clerk = await person(browser, 'zhaojing');
  const invitee = await person(browser, 'zhangwei');
  const attendee = await person(browser, 'hejun');
  const roomName = `第七会议室 ${Date.now() % 100000}`;
  const room = await (
    await asBrowser(clerk)
  ).post('/api/rooms', { name: roomName, location: '区政府大楼三楼', capacity: 30, equipment: ['video_conference'] });
  expect(room.status(), await room.text()).toBe(201);

  // 张伟 is on the meetings page, doing nothing in particular.
  await invitee.goto('/meetings');
  await expect(invitee.getByRole('heading', { name: '会议' })).toBeVisible();

  // 1. The clerk schedules the meeting in the form.
  await clerk.goto('/meetings');
  await clerk.getByTestId('schedule-meeting').click();
  await expect(clerk.getByRole('heading', { name: '安排会议' })).toBeVisible();
  await clerk.getByLabel('会议名称').fill(title);
  await clerk.getByText('线上线下同步', { exact: true }).click();
  await clerk.getByLabel('日期', { exact: true }).fill(chinaDate(start));
  await clerk.getByLabel('开始时间').fill(chinaTime(start));
  await clerk.getByLabel('结束时间').fill(chinaTime(end));
  await clerk.getByLabel('会议室').click();
  await chooseOption(clerk, `${roomName}（30 人）`);
  await pickPerson(clerk, '主持人', '赵静', '赵静（区政府办公室）');
  await clerk.getByRole('button', { name: '添加人员' }).click();
  await pickPerson(clerk, '人员 1', '张伟', '张伟（区发展和改革委员会）');
  await clerk.getByRole('button', { name: '添加人员' }).click();
  await pickPerson(clerk, '人员 2', '何军', '何军（区财政局）');
  await clerk.getByLabel('议题 1').fill('审议冬季安全生产工作方案');
  await clerk.getByTestId('add-agenda-item').click();
  await clerk.getByLabel('议题 2').fill('研究应急物资储备计划');
  await expect(clerk.getByTestId('room-free')).toBeVisible();
  await clerk.getByTestId('submit-meeting').click();
  // Another test may have given 张伟 a meeting at this time: the organiser may proceed, and he sees it flagged.
  const proceed = clerk.getByRole('button', { name: '仍然安排' });
  const scheduled = clerk.getByTestId('scheduled');
  await expect(proceed.or(scheduled)).toBeVisible();
  if (await proceed.isVisible()) await proceed.click();
  await expect(scheduled).toBeVisible();
  await expect(clerk.getByTestId('passcode')).toHaveText(/^\d{6}$/);

  // 2. 张伟 sees the notice arrive without reloading.
  await expect(invitee.getByText(`会议通知：${title}`)).toBeVisible();

  // 3. The clerk opens the meeting and puts a PDF on the first agenda item.
  await clerk.getByRole('button', { name: '查看会议' }).click();
  await expect(clerk.getByTestId('meeting-title')).toHaveText(title);
  const meetingPath = new URL(clerk.url()).pathname;
  await expect(clerk.getByTestId('agenda-item')).toHaveCount(2);
  const firstItem = clerk.getByTestId('agenda-item').first();
  await expect(firstItem).toContainText('审议冬季安全生产工作方案');
  await firstItem
    .locator('input[type=file]')
    .setInputFiles({ name: '冬季安全生产工作方案.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(firstItem.getByTestId('material')).toContainText('冬季安全生产工作方案');
  await clerk.getByRole('tab', { name: /参会人员/ }).click();
  const leaveCount = clerk.getByTestId('rsvp-count-leave');
  await expect(leaveCount).toContainText('0');

  // 4. 张伟 follows the notice's link and asks for leave, with a reason.
  await invitee.goto(meetingPath);
  await expect(invitee.getByTestId('meeting-title')).toHaveText(title);
  await invitee.getByTestId('rsvp-leave').click();
  const leave = invitee.getByRole('dialog');
  await leave.getByLabel('请假原因').fill('赴市应急局参加培训');
  await leave.getByRole('button', { name: '提交' }).click();
  await expect(invitee.getByText('回执已提交')).toBeVisible();
  await expect(invitee.getByTestId('my-reply').locator('[data-rsvp="leave"]')).toBeVisible();

  // 5. The clerk's board counts it without a reload, and the reason is on the list.
  await expect(leaveCount).toContainText('1');
  await expect(clerk.getByTestId('participants-rsvp')).toContainText('赴市应急局参加培训');

  // 6. Sign-in opens half an hour before the start; the room screen shows the rotating QR code.
  await advanceClock(request, start.getTime() - 25 * MINUTE - (await serverNow(request)).getTime());
  await clerk.getByTestId('open-screen').click();
  const qr = clerk.getByTestId('sign-in-qr');
  await expect(qr).toBeVisible();
  await expect(clerk.getByTestId('screen-count')).toContainText('已签到 0 /');
  // The whole screen fits the room's display, count included, without scrolling: 1440×900 and 1280×720.
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await clerk.setViewportSize(viewport);
    for (const part of [qr, clerk.getByTestId('screen-count'), clerk.getByRole('heading', { name: title })]) {
      const box = (await part.boundingBox())!;
      expect(box.y, `${viewport.width}×${viewport.height}`).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, `${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(viewport.height);
    }
  }
  await clerk.setViewportSize({ width: 1280, height: 800 });
  const signInUrl = await qr.getAttribute('data-sign-in-url');
  expect(signInUrl).toMatch(/\/meetings\/[\w-]+\/sign-in\?code=\d+\.[\w-]{22}$/);

  // 7. 何军 scans it: the code signs him in, and the screen counts him at once.
  await attendee.goto(new URL(signInUrl!).pathname + new URL(signInUrl!).search);
  await expect(attendee.getByTestId('sign-in-result')).toHaveAttribute('data-state', 'present');
  await expect(attendee.getByText('签到成功')).toBeVisible();
  // It names the meeting he signed in to: title, date and time, room.
  await expect(attendee.getByTestId('sign-in-meeting-title')).toHaveText(title);
  await expect(attendee.getByTestId('sign-in-meeting-time')).toContainText(`${chinaDate(start)}`);
  await expect(attendee.getByTestId('sign-in-meeting-time')).toContainText(
    `${chinaTime(start)}–${chinaTime(end)} · ${roomName}`,
  );
  await expect(clerk.getByTestId('screen-count')).toContainText('已签到 1 /');

  // 8. The host's sign-in board shows him present.
  await clerk.getByRole('button', { name: '退出签到屏' }).click();
  await clerk.getByRole('tab', { name: '签到情况' }).click();
  await expect(clerk.getByTestId('attendance-count-present')).toContainText('1');
  const row = clerk.getByTestId('participants-attendance').locator('tr', { hasText: '何军' });
  await expect(row.locator('[data-attendance="present"]')).toBeVisible();
  await expect(
    clerk
      .getByTestId('participants-attendance')
      .locator('tr', { hasText: '张伟' })
      .locator('[data-attendance="leave"]'),
  ).toBeVisible();
});
