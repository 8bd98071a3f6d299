// 收文 in the browser, from 分发 to 办结: the office distributes a sealed 通知 to 区发改委; its clerk (钱文) finds it in
// her 待办 and on her home page, signs for it in the 收文箱 and sends it on the 收文 route — her 拟办, the 批办 of the
// unit's leader (李华), the 承办 of 张伟 (staff), who finds it in his 待办, gives his opinion and 办结 it with the result;
// the office's 分发 card then shows 区发改委 as 已办结. The 通知 is prepared through the API as in the 分发 spec; the
// 拟办 and 批办 are given through the API (the 办文 spec walks opinions in the browser); 李华 turns his 批办 into a
// supervision task from the 收文's page (转为督办), and the 收文 shows it.
import { expect, test, type Browser, type Page } from './support/test.ts';
import {
  asBrowser,
  chinaDate,
  chooseOption,
  mainNav,
  serverNow,
  signInEnrolling,
  signInStaff,
  userId,
} from './support/tongban.ts';
import { preparedNotice } from './support/officialDocs.ts';

// Not the 办文 spec's title: both run on one database and find their 公文 by it.
const TITLE = '关于开展2026年冬季消防安全检查的通知';
const BODY = ['为切实做好冬季消防安全工作，现将有关事项通知如下：', '一、全面排查火灾隐患', '特此通知。'];
const RESULT = '已组织全委开展安全生产大检查，排查隐患3处，均已整改到位。';
const OPENING = 90_000;

async function person(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test('a distributed 通知 signed for, routed 拟办 → 批办 → 承办 and 办结; the sender sees 已办结', async ({
  browser,
}) => {
  test.setTimeout(360_000);
  const office = await person(browser);
  const drafter = await person(browser);
  const mayor = await person(browser);
  await signInStaff(office, 'zhaojing');
  await signInStaff(drafter, 'sunyue');
  await signInEnrolling(mayor, 'chenming');
  const sentId = await preparedNotice(
    { office, drafter, mayor },
    {
      title: TITLE,
      body: BODY,
      mainRecipients: ['区发改委'],
      templateName: '区政府办通知（收文）',
      sealName: '区政府办公室（收文）',
    },
  );
  await mayor.context().close();
  await drafter.context().close();

  // The clerk of 区发改委 is on her home page when the office distributes to her unit.
  const clerk = await person(browser);
  await signInStaff(clerk, 'qianwen');
  const inboxPanel = clerk.getByTestId('home-unit-inbox');
  await expect(inboxPanel).toBeVisible();
  const pendingBefore = Number(await clerk.getByTestId('home-unit-inbox-pending').getAttribute('data-count'));

  const officeApi = await asBrowser(office);
  const offer = (await (await officeApi.get(`/api/official-documents/${sentId}/distribution`)).json()) as {
    offer: { prefilled: Array<{ unitId: string; role: string; unitName?: string }> };
  };
  const sent = await officeApi.post(`/api/official-documents/${sentId}/distribute`, {
    recipients: offer.offer.prefilled,
  });
  expect(sent.status(), await sent.text()).toBe(200);

  // It arrives live: in her unit's 收文 on the home page, and in her 待办 as a document to sign for.
  await expect(inboxPanel.getByTestId('home-unit-inbox-item').filter({ hasText: TITLE })).toBeVisible();
  await expect(clerk.getByTestId('home-unit-inbox-pending')).toHaveAttribute('data-count', String(pendingBefore + 1));
  await mainNav(clerk).getByText('待办', { exact: true }).click();
  const signForItem = clerk
    .getByTestId('todo-item')
    .filter({ hasText: TITLE })
    .and(clerk.locator('[data-kind="doc_sign_for"]'));
  await expect(signForItem).toBeVisible();

  // She signs for it in the 收文箱: it becomes her unit's 收文, and leaves her 待办 as a sign-for.
  await mainNav(clerk).getByText('收文箱', { exact: true }).click();
  const row = clerk.getByTestId('inbox-row').filter({ hasText: TITLE });
  await row.getByTestId('sign-for').click();
  await expect(row).toHaveCount(0);
  await clerk.getByTestId('inbox-count-signed').click();
  await expect(row.getByTestId('distribution-status')).toHaveText('已签收');
  await mainNav(clerk).getByText('待办', { exact: true }).click();
  await expect(clerk.getByTestId('todo-list')).toBeVisible();
  await expect(signForItem).toHaveCount(0);
  const clerkApi = await asBrowser(clerk);
  const inbox = (await (await clerkApi.get('/api/official-documents/inbox?status=signed')).json()) as {
    items: Array<{ title: string; incomingDocumentId: string | null }>;
  };
  const incomingId = inbox.items.find((i) => i.title === TITLE)?.incomingDocumentId;
  expect(incomingId).toBeTruthy();

  // The 收文 route: her 拟办, 李华's 批办, 张伟's 承办, and 张伟 concludes.
  const [qianwen, lihuaId, zhangwei] = [
    await userId(clerk, 'qianwen', '钱文'),
    await userId(clerk, 'lihua', '李华'),
    await userId(clerk, 'zhangwei', '张伟'),
  ];
  const routed = await clerkApi.post(`/api/official-documents/${incomingId}/submit`, {
    steps: [
      { id: 'propose', name: '拟办', kind: 'single', opinion: 'propose', handlers: [{ userId: qianwen }] },
      { id: 'instruct', name: '批办', kind: 'single', opinion: 'instruct', handlers: [{ userId: lihuaId }] },
      { id: 'undertake', name: '承办', kind: 'single', opinion: 'undertake', handlers: [{ userId: zhangwei }] },
      { id: 'conclude', name: '办结', kind: 'single', opinion: 'conclude', handlers: [{ userId: zhangwei }] },
    ],
  });
  expect(routed.status(), await routed.text()).toBe(200);
  const propose = await clerkApi.post(`/api/official-documents/${incomingId}/step`, {
    action: 'approve',
    opinion: '拟请李华主任阅示，由规划科承办。',
  });
  expect(propose.status(), await propose.text()).toBe(200);
  const leader = await person(browser);
  await signInEnrolling(leader, 'lihua');
  const instruct = await (
    await asBrowser(leader)
  ).post(`/api/official-documents/${incomingId}/step`, { action: 'approve', opinion: '请张伟同志抓紧落实。' });
  expect(instruct.status(), await instruct.text()).toBe(200);

  // 李华 turns his 批办 into a supervision task (转为督办): the form names the 收文 as its basis, and the 收文 shows
  // the task with its status.
  await leader.goto(`/official-documents/${incomingId}`);
  await expect(leader.getByTestId('official-doc-title')).toHaveText(TITLE, { timeout: OPENING });
  await leader.getByTestId('incoming-to-supervision').click();
  const form = leader.getByRole('dialog');
  await expect(form.getByTestId('task-source-document')).toHaveText(TITLE);
  await expect(form.getByLabel('事项名称')).toHaveValue(TITLE);
  await form.getByLabel('批示内容 / 依据说明').fill('请张伟同志抓紧落实，月底前报结果。');
  await form.getByLabel('牵头单位').click();
  await leader
    .locator('.ant-select-dropdown:visible .ant-select-tree-title')
    .filter({ hasText: /^区发展和改革委员会$/ })
    .click();
  await form.getByLabel('办理要求').fill('全面排查安全隐患并整改到位');
  const due = chinaDate(new Date((await serverNow(leader.request)).getTime() + 14 * 86_400_000));
  await form.getByLabel('办理期限').fill(due);
  await form.getByLabel('办理期限').press('Tab');
  await form.getByLabel('督办人').click();
  await chooseOption(leader, '周强（督查室主任）');
  await form
    .getByRole('button', { name: '创 建' })
    .or(form.getByRole('button', { name: '创建' }))
    .click();
  await expect(form).toBeHidden();
  const task = leader.getByTestId('incoming-card').getByTestId('incoming-task');
  await expect(task).toContainText(TITLE);
  await expect(task.getByTestId('incoming-task-status')).toHaveText('待签收');
  // Both ways: the task names the 收文 as its basis and opens it.
  await task.getByRole('link').click();
  const basis = leader.getByTestId('task-source-document');
  await expect(basis).toHaveText(TITLE);
  await expect(basis).toHaveAttribute('href', `/official-documents/${incomingId}`);
  await leader.context().close();

  // 张伟 finds it in his 待办, gives his 承办 opinion and concludes it with the result.
  const staff = await person(browser);
  await signInStaff(staff, 'zhangwei');
  await expect(staff.getByTestId('home-my-todo').getByRole('link', { name: TITLE })).toBeVisible();
  await mainNav(staff).getByText('待办', { exact: true }).click();
  await staff.getByTestId('todo-item').filter({ hasText: TITLE }).getByTestId('todo-link').click();
  await expect(staff.getByTestId('official-doc-title')).toHaveText(TITLE, { timeout: OPENING });
  await staff.getByTestId('official-doc-panel').getByTestId('action-approve').click();
  const dialog = staff.getByRole('dialog');
  await dialog.getByTestId('opinion-text').click();
  await staff.keyboard.type('已组织检查，整改完毕。');
  await dialog.getByRole('button', { name: '提交', exact: true }).click();
  await expect(dialog).toBeHidden();
  const card = staff.getByTestId('incoming-card');
  await card.getByTestId('incoming-finish').click();
  const finish = staff.getByRole('dialog');
  await finish.getByTestId('incoming-dialog-text').fill(RESULT);
  await finish.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(card.getByTestId('incoming-result')).toHaveText(RESULT);
  await expect(card.getByTestId('incoming-task')).toContainText(TITLE);

  // The office sees 区发改委 as 已办结 on the 分发 card of the 通知 it sent.
  await office.goto(`/official-documents/${sentId}`);
  await expect(office.getByTestId('official-doc-title')).toHaveText(TITLE, { timeout: OPENING });
  await expect(
    office
      .getByTestId('distribution-card')
      .locator('[data-testid="distribution-row"][data-unit="区发展和改革委员会"]')
      .getByTestId('distribution-status'),
  ).toHaveText('已办结');
});
