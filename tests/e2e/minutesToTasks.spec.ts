// Minutes to supervision tasks end to end, in six browsers at once: during a meeting the minute-taker 孙悦 types three
// numbered decisions into the minutes and takes the extractor's proposed fields with one tap each, then finalises; the
// attendee 张伟 (from his notification) confirms and 何军 objects; the host 赵静 sees the objection beside her disabled
// close button, with who may answer it, answers it there and closes the confirmation, which freezes a signed version; the supervisor 周强 finds three proposed tasks with the right lead units, co-units and deadlines, moves one
// deadline and confirms them; 赵静, whose unit (区政府办) leads one task, sees it arrive on her workbench without
// reloading, and its "在纪要中查看" link opens the minutes at that decision.
import { expect, test, type Browser, type Locator, type Page } from './support/test.ts';
import { addDays } from '../../common/calendar/isoDate.ts';
import { addWorkingDays } from '../../common/calendar/workingDays.ts';
import { advanceClock, asBrowser, serverNow, signInStaff, userId } from './support/tongban.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SHANGHAI = 8 * 60 * MINUTE;

/** Wall-clock date and time in China at an instant. */
const chinaDate = (at: Date) => new Date(at.getTime() + SHANGHAI).toISOString().slice(0, 10);
const chinaTime = (at: Date) => new Date(at.getTime() + SHANGHAI).toISOString().slice(11, 16);
const lastDayOfMonth = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const written = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
};

async function person(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInStaff(page, username);
  return page;
}

/**
 * Types a paragraph at the end of the minutes: into the empty paragraph the document ends with (the template's, or the
 * one the editor keeps after a last decision item), or into a new one.
 */
async function typeItem(page: Page, text: string): Promise<void> {
  const editor = page.getByTestId('editor');
  await editor.focus();
  await page.keyboard.press('Control+End');
  const endsEmpty = await editor.evaluate(
    (el) => el.lastElementChild?.tagName === 'P' && !el.lastElementChild.textContent,
  );
  if (!endsEmpty) await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

function proposalFor(page: Page, lead: string): Locator {
  return page
    .getByTestId('decision-proposal')
    .filter({ has: page.getByTestId('decision-lead').filter({ hasText: lead }) });
}

function rowFor(card: Locator, lead: string): Locator {
  return card.getByTestId('proposal-row').filter({
    has: card
      .page()
      .getByTestId('proposal-lead')
      .filter({ hasText: new RegExp(`^${lead}$`) }),
  });
}

test('minutes to tasks: decisions typed and accepted live, finalised, confirmed, closed; proposals edited and confirmed; the lead unit sees its task live', async ({
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  // Keep the meeting within one day in China: late at night there, move the server's clock to the next morning first
  // (before anyone signs in). Every date below is computed from the server's clock, never from this machine's.
  let now = await serverNow(request);
  const minuteOfDay = ((now.getTime() + SHANGHAI) % DAY) / MINUTE;
  if (minuteOfDay < 6 * 60 || minuteOfDay > 21 * 60)
    now = await advanceClock(request, ((8 * 60 - minuteOfDay + 24 * 60) % (24 * 60)) * MINUTE);
  const start = new Date(Math.ceil((now.getTime() + 10 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE);
  const end = new Date(start.getTime() + 60 * MINUTE);
  const meetingDate = chinaDate(start);
  const title = `老旧小区改造专题会议 ${chinaTime(start)}.${Date.now() % 1000}`;

  // The three decisions and what they resolve to against the meeting date (本月底, 10个工作日内, an absolute date).
  const due1 = lastDayOfMonth(meetingDate);
  const due2 = addWorkingDays(meetingDate, 10);
  const due3 = addDays(meetingDate, 45);
  const items = [
    {
      text: '一、区发改委牵头，区财政局配合，于本月底前完成老旧小区改造资金测算。',
      lead: '区发改委',
      co: '区财政局',
      due: due1,
    },
    {
      text: '二、请区住建委负责，区应急局协助，在10个工作日内完成燃气管道隐患排查整治。',
      lead: '区住建委',
      co: '区应急局',
      due: due2,
    },
    {
      text: `三、区政府办牵头，区大数据中心配合，于${written(due3)}前上线督办事项移动端查询功能。`,
      lead: '区政府办',
      co: '区大数据中心',
      due: due3,
    },
  ];

  const host = await person(browser, 'zhaojing');
  const taker = await person(browser, 'sunyue');
  const attendeeA = await person(browser, 'zhangwei');
  const attendeeB = await person(browser, 'hejun');
  const supervisor = await person(browser, 'zhouqiang');

  // 1. 赵静 schedules an online meeting (the meeting UI has its own spec) with 孙悦 taking the minutes, and starts it.
  const hostApi = await asBrowser(host);
  const [takerId, aId, bId, hostId] = [
    await userId(host, 'sunyue', '孙悦'),
    await userId(host, 'zhangwei', '张伟'),
    await userId(host, 'hejun', '何军'),
    await userId(host, 'zhaojing', '赵静'),
  ];
  const created = await hostApi.post('/api/meetings', {
    title,
    type: 'zhuanti',
    mode: 'online',
    startAt: start.toISOString(),
    endAt: end.toISOString(),
    hostId,
    minuteTakerId: takerId,
    participants: { users: [{ userId: aId }, { userId: bId }] },
    acceptClashes: true,
  });
  expect(created.status(), await created.text()).toBe(201);
  const meetingId = ((await created.json()) as { id: string }).id;
  const started = await hostApi.post(`/api/meetings/${meetingId}/start`);
  expect(started.status(), await started.text()).toBe(200);

  // 2. 孙悦 begins the minutes from the meeting page: the minutes open with the header filled in from the meeting.
  await taker.goto(`/meetings/${meetingId}`);
  await taker.getByTestId('meeting-minutes').getByTestId('minutes-create').click();
  const editor = taker.getByTestId('editor');
  await expect(editor).toContainText(title);
  await expect(taker.getByTestId('minutes-status')).toHaveText('起草中');

  // 3. She types the decisions; under each the extractor proposes its fields, and one tap takes them.
  for (const item of items) {
    await typeItem(taker, item.text);
    const proposal = proposalFor(taker, item.lead);
    await expect(proposal.getByTestId('decision-co')).toHaveText(`配合：${item.co}`);
    await expect(proposal.getByTestId('decision-due')).toHaveText(`期限：${item.due}`);
    await proposal.getByTestId('proposal-accept').click();
    const decision = taker.getByTestId('decision-item').filter({ hasText: item.text });
    await expect(decision).toHaveAttribute('data-confirmed', 'true');
    await expect(decision.getByTestId('decision-lead')).toHaveText(`牵头：${item.lead}`);
    await expect(decision.getByTestId('decision-due')).toHaveText(`期限：${item.due}`);
  }
  await expect(taker.getByTestId('decision-item')).toHaveCount(3);
  await expect(taker.getByTestId('decision-proposal')).toHaveCount(0);

  // 4. 张伟 waits on his workbench; 孙悦 finalises, and the minutes turn read-only.
  await attendeeA.goto('/');
  await taker.getByTestId('minutes-finalise').click();
  await taker
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(taker.getByTestId('minutes-status')).toHaveText('确认中');
  await expect(editor).toHaveAttribute('contenteditable', 'false');

  // 5. 张伟 follows the confirmation request from his workbench and confirms; 何军 objects on the meeting page.
  const request1 = attendeeA
    .getByTestId('todos')
    .locator('li[data-kind="minutes.confirm_request"]')
    .filter({ hasText: title });
  await expect(request1).toBeVisible();
  await request1.getByRole('button', { name: '查看' }).click();
  await attendeeA.getByTestId('minutes-confirm').click();
  await expect(attendeeA.getByTestId('minutes-confirmation').filter({ hasText: '张伟' })).toHaveAttribute(
    'data-state',
    'confirmed',
  );
  await attendeeB.goto(`/meetings/${meetingId}`);
  await attendeeB.getByTestId('minutes-object').click();
  await attendeeB.getByRole('dialog').getByRole('textbox').fill('第二项的配合单位请再核对');
  await attendeeB
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(attendeeB.getByTestId('minutes-confirmation').filter({ hasText: '何军' })).toHaveAttribute(
    'data-state',
    'objected',
  );

  // 6. The host's close button waits on the objection: beside it she sees who raised it, what it says and who may
  // answer it, and answers it there herself.
  await host.goto(`/meetings/${meetingId}`);
  const bar = host.getByTestId('meeting-minutes');
  await expect(bar.getByTestId('minutes-close')).toBeDisabled();
  const objections = bar.getByTestId('minutes-open-objections');
  await expect(objections.getByTestId('minutes-open-objection')).toHaveCount(1);
  await expect(objections.getByTestId('minutes-open-objection')).toContainText('何军');
  await expect(objections.getByTestId('minutes-open-objection')).toContainText('第二项的配合单位请再核对');
  await expect(objections.getByTestId('minutes-resolvers')).toHaveText('可由记录人孙悦、主持人赵静答复处理');
  await objections.getByTestId('minutes-open-objection-resolve').click();
  await host.getByRole('dialog').getByRole('textbox').fill('已核对，配合单位无误');
  await host
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(objections).toBeHidden();
  await expect(bar.getByTestId('minutes-confirmation').filter({ hasText: '何军' })).toContainText(
    '赵静已处理：已核对，配合单位无误',
  );
  // 何军's page follows live: his objection has its answer.
  await expect(attendeeB.getByTestId('minutes-confirmation').filter({ hasText: '何军' })).toContainText(
    '赵静已处理：已核对，配合单位无误',
  );

  // 7. The host ends the meeting (minutes are signed off after it) and closes the confirmation: the final version is
  // frozen, hashed and signed.
  await expect(bar.getByTestId('minutes-close-blockers')).toHaveText('会议结束后才能签发纪要');
  await host.getByRole('button', { name: '结束会议' }).click();
  await host
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(bar.getByTestId('minutes-close-blockers')).toBeHidden();
  await bar.getByTestId('minutes-close').click();
  await host
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(bar.getByTestId('minutes-status')).toHaveText('已定稿');
  await expect(bar.getByTestId('minutes-seal')).toBeVisible();
  await expect(bar.getByTestId('minutes-pdf')).toBeVisible();
  // The minute-taker's page follows: the minutes are final there too.
  await expect(taker.getByTestId('minutes-status')).toHaveText('已定稿');

  // 8. The supervisor finds three proposals with the right lead units, co-units and deadlines.
  await supervisor.goto('/supervision/proposals');
  const card = supervisor.locator(`[data-testid="meeting-proposals"][data-meeting-id="${meetingId}"]`);
  await expect(card.getByTestId('proposal-row')).toHaveCount(3);
  for (const item of items) {
    const row = rowFor(card, item.lead);
    await expect(row.getByTestId('proposal-co')).toHaveText(item.co);
    await expect(row.getByTestId('proposal-due')).toHaveText(item.due);
  }

  // 9. He moves the second deadline back a week.
  const moved = addDays(due2, 7);
  await rowFor(card, '区住建委').getByTestId('proposal-edit').click();
  const dialog = supervisor.getByRole('dialog');
  await dialog.getByLabel('办理期限').fill(moved);
  await dialog.getByLabel('办理期限').press('Tab');
  await expect(dialog.getByLabel('办理期限')).toHaveValue(moved);
  await dialog.getByTestId('decision-save').click();
  await expect(dialog).toBeHidden();
  await expect(rowFor(card, '区住建委').getByTestId('proposal-due')).toHaveText(moved);

  // 10. 赵静 is on her workbench when the supervisor confirms all three.
  await host.goto('/');
  await expect(host.getByTestId('greeting')).toBeVisible();
  await card.locator('thead input[type=checkbox]').check();
  await card.getByTestId('proposals-confirm').click();
  await supervisor.getByRole('dialog').getByRole('button', { name: '确认转办' }).click();
  await expect(supervisor.getByText('已生成 3 项督办事项')).toBeVisible();
  await expect(card).toBeHidden();

  // 11. Her unit leads the third task: it arrives on her workbench without a reload.
  const arrived = host
    .getByTestId('todos')
    .locator('li')
    .filter({ hasText: `${due3}` });
  await expect(arrived).toBeVisible();

  // 12. From the task, "在纪要中查看" opens the minutes at that decision.
  await arrived.getByRole('button', { name: '查看' }).click();
  await expect(host.getByTestId('task-title')).toBeVisible();
  await expect(host.getByTestId('task-deadline')).toHaveText(due3);
  await host.getByTestId('task-open-in-minutes').click();
  const target = host.locator('.tb-decision--target');
  await expect(target).toContainText('上线督办事项移动端查询功能');
  await expect(target.getByTestId('decision-lead')).toHaveText('牵头：区政府办');
});
