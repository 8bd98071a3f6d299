// 档案 in Chromium, on a package the product builds: 周强 (督查室) raises a supervision task for the office, which 赵静
// (its clerk, made its 档案员 with the operator CLI) signs and submits and 周强 accepts (API); on the task's page 赵静
// is offered 归档 and asks for it (已申请归档), the archive job builds the package (its test hook, instead of waiting for
// TONGBAN_ARCHIVE_TICK_SECONDS), and on the 档案 page she sets its 保管期限, seals it (its 档号 appears), verifies it and
// sees the zip offered; the task's page then shows 已归档 with that 档号. A staff member of another unit finds nothing.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { expect, test } from './support/test.ts';
import { asBrowser, chinaDate, mainNav, serverNow, signInStaff } from './support/tongban.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = process.env.TONGBAN_E2E_DATA_DIR!;
const TITLE = `完善归档工作台账（${randomUUID().slice(0, 6)}）`;
const DAY = 86_400_000;

test('a completed task is archived from its page and its package sealed and verified on the 档案 page; another unit sees none', async ({
  browser,
}) => {
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'server/cli/main.ts', 'set-roles', '--username', 'zhaojing', '--roles', 'clerk,archivist'],
    { cwd: root, env: { ...process.env, TONGBAN_DATA_DIR: dataDir }, stdio: 'ignore' },
  );
  const office = await browser.newPage();
  await signInStaff(office, 'zhaojing');
  const session = (await (await (await asBrowser(office)).get('/api/auth/session')).json()) as {
    user: { unitId: string; roles: string[] };
  };
  expect(session.user.roles).toContain('archivist');
  const api = await asBrowser(office);
  const supervisor = await browser.newPage();
  await signInStaff(supervisor, 'zhouqiang');
  const dc = await asBrowser(supervisor);
  const now = await serverNow(supervisor.request);
  const year = chinaDate(now).slice(0, 4);
  const created = await dc.post('/api/supervision/tasks', {
    title: TITLE,
    basisType: 'other',
    basisText: '专题会议要求',
    leadUnitId: session.user.unitId,
    requirement: '形成台账并报督查室',
    dueDate: chinaDate(new Date(now.getTime() + 20 * DAY)),
  });
  expect(created.status()).toBe(201);
  const taskId = ((await created.json()) as { id: string }).id;
  expect((await api.post(`/api/supervision/tasks/${taskId}/sign`, { note: '已签收' })).status()).toBe(200);
  expect((await api.post(`/api/supervision/tasks/${taskId}/submit`, { summary: '台账已形成' })).status()).toBe(200);
  const accepted = await dc.post(`/api/supervision/tasks/${taskId}/acceptance`, { accept: true, note: '同意办结' });
  expect(((await accepted.json()) as { status: string }).status).toBe('completed');
  // The supervisor reads the task but keeps no archive of the office: not offered 归档.
  await supervisor.goto(`/supervision/tasks/${taskId}`);
  await expect(supervisor.getByTestId('task-title')).toHaveText(TITLE);
  await expect(supervisor.getByTestId('archive-request')).toHaveCount(0);

  await office.goto(`/supervision/tasks/${taskId}`);
  await office.getByTestId('archive-request').click();
  await office.getByRole('button', { name: '确定' }).click();
  await expect(office.getByText('已申请归档，档案包将在后台生成')).toBeVisible();
  await expect(office.getByTestId('archive-standing')).toHaveText('已申请归档');
  await expect(office.getByTestId('archive-request')).toHaveCount(0);
  const run = await office.request.post('/api/archive/test/tick');
  expect(run.ok()).toBe(true);
  expect(((await run.json()) as { built: number }).built).toBeGreaterThanOrEqual(1);

  await mainNav(office).getByText('档案', { exact: true }).click();
  await expect(office.getByTestId('archive-page')).toBeVisible();
  await office.getByRole('searchbox', { name: '题名或档号' }).fill(TITLE);
  await office.getByRole('searchbox', { name: '题名或档号' }).press('Enter');
  await office.getByTestId('archive-open').filter({ hasText: TITLE }).click();
  const drawer = office.getByTestId('archive-drawer');
  await expect(drawer.getByTestId('archive-number')).toHaveText('未编号');
  await drawer.getByTestId('archive-retention').click();
  await office.locator('.ant-select-item-option').filter({ hasText: '30年' }).click();
  await expect(office.getByText('保管期限已更改')).toBeVisible();
  await drawer.getByTestId('archive-seal').click();
  await expect(drawer.getByTestId('archive-number')).toHaveText(new RegExp(`-${year}-D30-\\d{4}$`));
  const archiveNumber = (await drawer.getByTestId('archive-number').textContent())!;
  await drawer.getByTestId('archive-verify').click();
  await expect(office.getByText(/校验通过/)).toBeVisible();
  await expect(drawer.getByTestId('archive-download')).toHaveAttribute('href', /\/api\/archive\/packages\/.+\/zip$/);
  await office.goto(`/supervision/tasks/${taskId}`);
  await expect(office.getByTestId('archive-standing')).toHaveText(`已归档 档号 ${archiveNumber}`);

  const other = await browser.newPage();
  await signInStaff(other, 'matao');
  await mainNav(other).getByText('档案', { exact: true }).click();
  await other.getByRole('searchbox', { name: '题名或档号' }).fill(TITLE);
  const listed = other.waitForResponse((r) => r.url().includes('/api/archive/packages?') && r.url().includes('q='));
  await other.getByRole('searchbox', { name: '题名或档号' }).press('Enter');
  expect(await (await listed).json()).toEqual({ items: [], total: 0 });
  await expect(other.getByTestId('archive-open')).toHaveCount(0);
});
