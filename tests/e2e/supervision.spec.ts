// Supervision end to end, in four browsers at once: the supervisor raises a task from a leader's instruction, the
// lead unit's head signs and assigns it, the owner reports 50% with an attachment, the deadline passes on the
// controlled clock and the overdue warning arrives live for owner and supervisor, the owner submits, the supervisor
// returns it, it is resubmitted and accepted, and the statistics show the unit's on-time rate (the task was late).
// Other specs move the shared server clock (days, at any time of day) and may leave tasks and notifications behind:
// every date here is read from the server's clock when it is needed, and the statistics are compared with the
// unit's figures from before this task.
import { expect, test, type Browser, type Page } from './support/test.ts';
import {
  advanceClock,
  advanceClockToChinaTime,
  asBrowser,
  chinaDate,
  chooseOption,
  serverNow,
  signInEnrolling,
  signInStaff,
} from './support/tongban.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n');
const UNIT = '区发展和改革委员会';

interface UnitFigures {
  unitName: string;
  total: number;
  completed: number;
  completedOnTime: number;
}

async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** Each open page makes a request, so its session's idle timer restarts before the clock jumps again. */
async function keepAlive(pages: Page[]): Promise<void> {
  for (const p of pages) expect((await p.request.get('/api/auth/session')).ok()).toBe(true);
}

/** The lead unit's statistics as the API reports them to the supervisor (zeros while it has no task). */
async function unitFigures(page: Page): Promise<UnitFigures> {
  const res = await (await asBrowser(page)).get('/api/supervision/statistics');
  expect(res.ok()).toBe(true);
  const { units } = (await res.json()) as { units: UnitFigures[] };
  return units.find((u) => u.unitName === UNIT) ?? { unitName: UNIT, total: 0, completed: 0, completedOnTime: 0 };
}

/** A rate as the statistics page prints it (one decimal, no trailing zero). */
const percentText = (part: number, whole: number) => `${Math.round((part / whole) * 1000) / 10}%`;

/** The live notice is in the page's notification centre (the bell's drawer), without a reload. */
async function expectNotice(page: Page, title: string): Promise<void> {
  await page.getByTestId('notification-bell').click();
  const drawer = page.getByRole('dialog', { name: '通知' });
  await expect(drawer.getByTestId('notification-list').getByText(title).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
}

async function openTask(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('task-title')).toBeVisible();
}

async function act(
  page: Page,
  action: string,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined,
): Promise<void> {
  await page.getByTestId('task-actions').getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await dialog
    .getByRole('button', { name: '确 定' })
    .or(dialog.getByRole('button', { name: '确定' }))
    .click();
  await expect(dialog).toBeHidden();
}

test('a supervision task from instruction to acceptance, with a live overdue warning and the on-time rate', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  // Put the server's clock at 23:20 in China, so that the deadline (end of today) can pass in two short steps that
  // keep everyone's session alive (idle limit 30 minutes). Before anyone signs in, so no session sees the jump.
  const today = chinaDate(await advanceClockToChinaTime(request, 23, 20));

  const supervisor = await person(browser);
  const head = await person(browser);
  const owner = await person(browser);
  await signInStaff(supervisor, 'zhouqiang');
  await signInEnrolling(head, 'lihua');
  await signInStaff(owner, 'zhangwei');
  const before = await unitFigures(supervisor);

  // 1. The supervisor raises the task from 陈明's instruction, led by 区发改委, due today.
  await supervisor.goto('/supervision');
  await supervisor.getByRole('button', { name: '新建督办事项' }).click();
  const form = supervisor.getByRole('dialog');
  await form.getByLabel('事项名称').fill('牵头制定老旧小区改造实施方案');
  await form.getByLabel('批示内容 / 依据说明').fill('请区发改委牵头研究，尽快拿出方案。——陈明');
  await form.getByLabel('批示领导').fill('陈明');
  await chooseOption(supervisor, '陈明（区长）');
  await form.getByLabel('牵头单位').click();
  await supervisor
    .locator('.ant-select-dropdown:visible .ant-select-tree-title')
    .filter({ hasText: new RegExp(`^${UNIT}$`) })
    .click();
  await form.getByLabel('办理要求').fill('形成实施方案，报区政府常务会议审议');
  await form.getByLabel('办理期限').fill(today);
  // Typing a valid date and leaving the field keeps it (Enter would submit the form there and then).
  await form.getByLabel('办理期限').press('Tab');
  await expect(form.getByLabel('办理期限')).toHaveValue(today);
  await form
    .getByRole('button', { name: '创 建' })
    .or(form.getByRole('button', { name: '创建' }))
    .click();
  await expect(supervisor.getByTestId('task-title')).toHaveText('牵头制定老旧小区改造实施方案');
  await expect(supervisor.getByTestId('task-status')).toHaveText('待签收');
  const taskUrl = new URL(supervisor.url()).pathname;

  // 2. 区发改委's head signs for the task and hands it to 张伟 (一级抓一级).
  await openTask(head, taskUrl);
  await act(head, '签收');
  await expect(head.getByTestId('task-status')).toHaveText('办理中');
  await act(head, '分派', async (dialog) => {
    await dialog.getByLabel('承办人').fill('张伟');
    await chooseOption(head, '张伟（规划科科长）');
  });
  await expect(head.getByTestId('task-owner')).toHaveText('张伟');

  // 3. The owner reports 50% with an attachment.
  await owner.goto('/supervision');
  await owner.getByRole('link', { name: '牵头制定老旧小区改造实施方案' }).click();
  await expect(owner.getByTestId('task-title')).toBeVisible();
  await act(owner, '报送进展', async (dialog) => {
    await dialog.getByLabel('进展情况').fill('已完成现状摸排，方案初稿已形成');
    await dialog.getByLabel('完成进度（%）').fill('50');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: '方案初稿.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(dialog.getByTestId('uploaded-file')).toHaveText('已上传：方案初稿.pdf');
  });
  await expect(owner.getByTestId('task-progress')).toContainText('50%');
  await expect(owner.getByTestId('timeline-attachment')).toHaveText(/方案初稿\.pdf/);

  // 4. The deadline passes on the controlled clock; the scheduler's overdue warning arrives live for owner and supervisor.
  await openTask(supervisor, taskUrl);
  await advanceClock(request, 20 * MINUTE);
  await keepAlive([supervisor, head, owner]);
  await advanceClock(request, 20 * MINUTE);
  await keepAlive([supervisor, head, owner]);
  expect(chinaDate(await serverNow(request)) > today).toBe(true);
  // Run the scheduler now rather than wait for its timer (which may also have got there first: either way, once).
  const tick = await request.post('/api/supervision/test/tick', { data: {} });
  expect(tick.ok()).toBe(true);
  for (const page of [owner, supervisor]) {
    // The task page refreshes itself when the notice arrives: red overdue tag, the warning on the timeline.
    await expect(page.getByTestId('overdue-tag')).toHaveText('逾期1天');
    await expect(page.getByTestId('timeline-overdue')).toBeVisible();
    // The notice itself: its pop-up lasts seconds, the notification centre keeps it.
    await expectNotice(page, '督办事项已逾期');
  }

  // 5. The owner submits (late); the supervisor returns it with a requirement and a new deadline.
  await act(owner, '提请验收', async (dialog) => {
    await dialog.getByLabel('办理情况（验收材料说明）').fill('实施方案已报区政府');
  });
  await expect(owner.getByTestId('task-status')).toHaveText('待验收');
  await expect(supervisor.getByTestId('task-status')).toHaveText('待验收');
  const newDeadline = chinaDate(new Date((await serverNow(request)).getTime() + 3 * DAY));
  await act(supervisor, '退回整改', async (dialog) => {
    await dialog.getByLabel('整改要求').fill('补充资金来源和年度实施计划');
    await dialog.getByLabel('整改期限').fill(newDeadline);
    await dialog.getByLabel('整改期限').press('Tab');
    await expect(dialog.getByLabel('整改期限')).toHaveValue(newDeadline);
  });
  await expect(supervisor.getByTestId('task-status')).toHaveText('办理中');
  await expect(owner.getByTestId('task-status')).toHaveText('办理中');
  await expect(owner.getByTestId('task-deadline')).toHaveText(newDeadline);

  // 6. Resubmitted and accepted.
  await act(owner, '提请验收', async (dialog) => {
    await dialog.getByLabel('办理情况（验收材料说明）').fill('已补充资金来源和年度计划');
  });
  await expect(supervisor.getByTestId('task-status')).toHaveText('待验收');
  await act(supervisor, '验收通过', async (dialog) => {
    await dialog.getByLabel('验收意见').fill('同意办结');
  });
  await expect(supervisor.getByTestId('task-status')).toHaveText('已办结');
  await expect(supervisor.getByTestId('task-actions')).toHaveCount(0);

  // 7. Statistics: 区发改委 has one more task, completed, but not on time (submitted after the deadline). On a fresh
  // database that is 100% completed, 0% on time.
  const after = await unitFigures(supervisor);
  expect([after.total, after.completed, after.completedOnTime]).toEqual([
    before.total + 1,
    before.completed + 1,
    before.completedOnTime,
  ]);
  await supervisor.goto('/supervision/statistics');
  const row = supervisor.locator('tr', { hasText: UNIT });
  await expect(row.getByTestId('completion-rate')).toHaveText(percentText(after.completed, after.total));
  await expect(row.getByTestId('on-time-rate')).toHaveText(percentText(after.completedOnTime, after.completed));
  await expect(supervisor.getByTestId('chart-units')).toBeVisible();
  await expect(supervisor.getByTestId('chart-trend')).toBeVisible();
});
