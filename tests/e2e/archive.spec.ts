// 档案 in Chromium: the office's 档案员 (赵静, given the role with the operator CLI) finds a built package on the 档案
// page, sets its 保管期限, seals it (its 档号 appears), verifies it and sees the zip offered; a staff member of another
// unit finds nothing there. The package row is a fixture written to the database (the API and job tests build real
// ones from completed 公文: server/routes/archive/*.integration.test.ts).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './support/test.ts';
import { asBrowser, mainNav, signInStaff } from './support/tongban.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = process.env.TONGBAN_E2E_DATA_DIR!;
const TITLE = `关于做好归档工作的通知（${randomUUID().slice(0, 6)}）`;

test('the archivist seals and verifies a package on the 档案 page; another unit sees none', async ({ browser }) => {
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
  const db = new Database(path.join(dataDir, 'tongban.db'));
  db.prepare(
    `INSERT INTO ArchivePackage (id, objectType, objectId, unitId, year, kind, title, retention, classification, status, createdAt)
     VALUES (?, 'official_document', ?, ?, 2026, 'notice', ?, '10y', 1, 'built', ?)`,
  ).run(randomUUID(), randomUUID(), session.user.unitId, TITLE, new Date().toISOString());
  db.close();

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
  await expect(drawer.getByTestId('archive-number')).toHaveText(/-2026-D30-\d{4}$/);
  await drawer.getByTestId('archive-verify').click();
  await expect(office.getByText(/校验通过/)).toBeVisible();
  await expect(drawer.getByTestId('archive-download')).toHaveAttribute('href', /\/api\/archive\/packages\/.+\/zip$/);

  const other = await browser.newPage();
  await signInStaff(other, 'matao');
  await mainNav(other).getByText('档案', { exact: true }).click();
  await other.getByRole('searchbox', { name: '题名或档号' }).fill(TITLE);
  const listed = other.waitForResponse((r) => r.url().includes('/api/archive/packages?') && r.url().includes('q='));
  await other.getByRole('searchbox', { name: '题名或档号' }).press('Enter');
  expect(await (await listed).json()).toEqual({ items: [], total: 0 });
  await expect(other.getByTestId('archive-open')).toHaveCount(0);
});
