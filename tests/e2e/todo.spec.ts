// The 待办 centre in the browser: a 公文 step assigned to 张伟 (staff) shows in his 待办 with the navigation's count;
// while the page is open a second one arrives without a reload; once he approves the first it leaves his 待办 and
// shows in 已办. The 公文 are drafted and sent on their route by 孙悦 (the office) through the API.
import { expect, test, type Page } from './support/test.ts';
import { asBrowser, mainNav, signInStaff, userId } from './support/tongban.ts';

const FIRST = '关于报送2026年重点项目进度的通知';
const SECOND = '关于核对年度专项资金台账的通知';
const BODY = ['请各单位于本月底前报送有关材料。', '特此通知。'];
const OPENING = 90_000;

/** A 通知 template of the office whose 正文 passes the format check. */
async function noticeTemplate(drafter: Page): Promise<string> {
  const res = await (
    await asBrowser(drafter)
  ).post('/api/official-documents/templates', {
    name: '区政府办通知（待办）',
    kind: 'notice',
    issuerMark: '区政府办公室文件',
    mainRecipients: ['区发改委'],
    ccRecipients: [],
    body: {
      type: 'doc',
      content: BODY.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** 孙悦 drafts a 公文 and sends it to 张伟 for 审核, then to 陈明 for 签发 (so it stays on its route after him). */
async function sendForReview(
  drafter: Page,
  templateId: string,
  title: string,
  reviewerId: string,
  leaderId: string,
): Promise<string> {
  const api = await asBrowser(drafter);
  const created = await api.post('/api/official-documents', {
    templateId,
    title,
    kind: 'notice',
    urgency: 'urgent',
    mainRecipients: ['区发改委'],
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const submitted = await api.post(`/api/official-documents/${id}/submit`, {
    steps: [
      { id: 'review', name: '审核', kind: 'single', opinion: 'review', handlers: [{ userId: reviewerId }] },
      { id: 'signoff', name: '签发', kind: 'single', opinion: 'signoff', handlers: [{ userId: leaderId }] },
    ],
  });
  expect(submitted.status(), await submitted.text()).toBe(200);
  return id;
}

/** The total the server counts for the signed-in person (what the navigation's badge must show). */
async function serverTotal(page: Page): Promise<number> {
  const res = await page.request.get('/api/todo/counts');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { total: number }).total;
}

test('a staff member’s 待办: a 公文 step with the badge, a new one live, handled into 已办', async ({ browser }) => {
  test.setTimeout(240_000);
  const staff = await (await browser.newContext()).newPage();
  const drafter = await (await browser.newContext()).newPage();
  await signInStaff(staff, 'zhangwei');
  await signInStaff(drafter, 'sunyue');
  const zhangwei = await userId(drafter, 'zhangwei', '张伟');
  const chenming = await userId(drafter, 'chenming', '陈明');
  const templateId = await noticeTemplate(drafter);

  await sendForReview(drafter, templateId, FIRST, zhangwei, chenming);

  // His 待办, from the navigation: the 公文 step, 紧急 (加急), and the badge says how many wait in all.
  const badge = mainNav(staff).getByTestId('nav-todo-count');
  await mainNav(staff).getByText('待办', { exact: true }).click();
  await expect(staff).toHaveURL(/\/todo$/);
  const row = (title: string) => staff.getByTestId('todo-item').filter({ hasText: title });
  await expect(row(FIRST)).toBeVisible();
  await expect(row(FIRST).getByTestId('todo-kind')).toHaveText('公文办理');
  const before = await serverTotal(staff);
  expect(before).toBeGreaterThan(0);
  await expect(badge).toHaveAttribute('data-count', String(before));

  // Filtered to 公文办理: still there; the filter's count is the server's.
  await staff
    .getByTestId('todo-kinds')
    .getByText(/^公文办理/)
    .click();
  await expect(staff).toHaveURL(/kind=doc_handle/);
  await expect(row(FIRST)).toBeVisible();
  await expect(staff.getByTestId('todo-item').and(staff.locator('[data-kind="meeting_rsvp"]'))).toHaveCount(0);

  // A second 公文 for him arrives while the page is open: it appears, and the badge moves, without a reload.
  await sendForReview(drafter, templateId, SECOND, zhangwei, chenming);
  await expect(row(SECOND)).toBeVisible();
  await expect(badge).toHaveAttribute('data-count', String(before + 1));

  // He opens the first from his 待办 and approves it.
  await row(FIRST).getByTestId('todo-link').click();
  await expect(staff.getByTestId('official-doc-title')).toHaveText(FIRST, { timeout: OPENING });
  await staff.getByTestId('official-doc-panel').getByTestId('action-approve').click();
  const dialog = staff.getByRole('dialog');
  await dialog.getByTestId('opinion-text').click();
  await staff.keyboard.type('同意，请按程序报签。');
  await dialog.getByRole('button', { name: '提交', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Back in his 待办 (through the navigation, no reload): the first is gone, the second stays, the badge is one less.
  await mainNav(staff).getByText('待办', { exact: true }).click();
  await expect(row(SECOND)).toBeVisible();
  await expect(row(FIRST)).toHaveCount(0);
  await expect(badge).toHaveAttribute('data-count', String(before));
  expect(await serverTotal(staff)).toBe(before);

  // 已办: his opinion on the first, newest first.
  await staff.getByTestId('todo-tab-done').click();
  const done = staff.getByTestId('done-item').filter({ hasText: FIRST });
  await expect(done).toBeVisible();
  await expect(done).toContainText('同意');
  await expect(staff.getByTestId('done-item').first()).toContainText(FIRST);
});
