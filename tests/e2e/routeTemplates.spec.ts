// Route templates (流程模板) in the browser: the office's page lists its unit's templates with each step's people, and
// a drafter's 送审 offers the template that fits the 公文's 文种, chosen already, its steps shown as the server
// resolved them (a handler, the candidates the one before chooses from, the 办理时限, what 特急 skips). A 函 keeps the
// other specs' 通知 routes as they were.
import { expect, test } from './support/test.ts';
import { asBrowser, mainNav, signInStaff, userId } from './support/tongban.ts';

test('the office keeps a 函 route template and the drafter’s 送审 offers it, chosen already', async ({ browser }) => {
  test.setTimeout(180_000);
  const office = await (await browser.newContext()).newPage();
  const drafter = await (await browser.newContext()).newPage();
  await signInStaff(office, 'zhaojing');
  await signInStaff(drafter, 'sunyue');

  const officeApi = await asBrowser(office);
  const zhaojing = await userId(office, 'zhaojing', '赵静');
  const wanglei = await userId(office, 'wanglei', '王磊');
  const template = await officeApi.post('/api/official-documents/route-templates', {
    name: '函（主任签发）',
    kind: 'letter',
    steps: [
      { id: 'review', name: '科室负责人审核', kind: 'single', handlers: [{ userId: zhaojing }], deadlineDays: 1 },
      {
        id: 'check',
        name: '办公室核稿',
        kind: 'single',
        handlers: [{ userId: zhaojing }],
        skipWhenUrgent: true,
      },
      { id: 'signoff', name: '主任签发', kind: 'single', chooseFrom: [{ userId: wanglei }], deadlineDays: 2 },
    ],
  });
  expect(template.status()).toBe(201);

  // The office's page: the template, its steps and who handles them.
  await office.goto('/official-documents/route-templates');
  const card = office.getByTestId('route-template-row').filter({ hasText: '函（主任签发）' });
  await expect(card).toContainText('科室负责人审核');
  await expect(card).toContainText('赵静');
  await expect(card).toContainText('由上一环节从候选人中选择 · 王磊');
  await expect(card).toContainText('特急时跳过');
  await expect(card.getByRole('button', { name: '停用' })).toBeVisible();

  // The drafter's 函: 送审 opens on the template, its steps resolved for this document.
  const drafterApi = await asBrowser(drafter);
  const letter = await drafterApi.post('/api/official-documents', {
    title: '关于商请协助开展防汛物资调配的函',
    kind: 'letter',
    mainRecipients: ['区应急管理局'],
  });
  expect(letter.status()).toBe(201);
  const { id } = (await letter.json()) as { id: string };
  await mainNav(drafter).getByText('办文', { exact: true }).click();
  await drafter.goto(`/official-documents/${id}`);
  await drafter.getByTestId('action-submit').first().click();
  const dialog = drafter.getByRole('dialog', { name: '送审' });
  await expect(dialog.getByTestId('route-template-select')).toContainText('函（主任签发）');
  const steps = dialog.getByTestId('route-template-steps');
  await expect(steps).toContainText('1. 科室负责人审核');
  await expect(steps).toContainText('1 个工作日');
  await expect(steps).toContainText('候选：王磊');
  // The drafter may still lay out a route of their own.
  await dialog.getByText('自定义流程').click();
  await expect(dialog.getByTestId('route-step-0')).toBeVisible();
  await dialog.getByText('按流程模板').click();
  await expect(steps).toBeVisible();
});
