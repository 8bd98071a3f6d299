// The security administrator (after enrolling an authenticator) cannot give one account two administrator duties:
// the API refuses it and the UI only offers them as one exclusive choice. Changing a staff member's clearance and
// roles notifies that person live; a role change also ends their session, and the notice waits for them.
import { expect, test, type Page } from './support/test.ts';
import { asBrowser, chooseOption, mainNav, signInEnrolling, signInStaff, userId } from './support/tongban.ts';

async function unreadCount(page: Page): Promise<number> {
  const res = await page.request.get('/api/notifications?limit=1');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { unread: number }).unread;
}

/** The bell's accessible name carries the unread count (the badge's digits animate). */
function bellLabel(unread: number): string {
  return unread > 0 ? `通知, ${unread} 条未读` : '通知';
}

function userRow(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
}

test('administrator duties are exclusive, and role or clearance changes reach the person live', async ({
  page,
  browser,
}) => {
  await signInEnrolling(page, 'secadmin');
  await mainNav(page).getByText('管理', { exact: true }).click();
  await expect(page.getByRole('tab', { name: '用户' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '审计日志' })).toHaveCount(0);

  // The API refuses two duties on one account.
  const api = await asBrowser(page);
  const wuli = await userId(page, 'wuli', '吴丽');
  const refused = await api.put(`/api/users/${wuli}/roles`, { roles: ['system_admin', 'audit_admin'] });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { code: string }).code).toBe('admin_roles_exclusive');

  // The UI offers the duties as one radio group: picking one drops the other.
  await page.getByPlaceholder('搜索姓名、用户名或职务').fill('吴丽');
  await page.getByPlaceholder('搜索姓名、用户名或职务').press('Enter');
  await userRow(page, '吴丽').getByRole('button', { name: '角色与密级' }).click();
  const dialog = page.getByRole('dialog', { name: /角色与密级/ });
  await dialog.getByText('管理员（三员）').click();
  const duties = dialog.getByRole('radiogroup', { name: '管理员职责（只能选一项）' });
  await expect(duties.getByRole('radio')).toHaveCount(3);
  await duties.getByRole('radio', { name: '系统管理员' }).check();
  await duties.getByRole('radio', { name: '安全审计员' }).check();
  await expect(duties.getByRole('radio', { name: '系统管理员' })).not.toBeChecked();
  await expect(duties.getByRole('radio', { name: '安全审计员' })).toBeChecked();
  await expect(dialog.getByRole('checkbox')).toHaveCount(0);
  await dialog.getByRole('button', { name: '取消' }).click();

  // 吴丽 is at work in another browser.
  const other = await browser.newContext();
  const staff = await other.newPage();
  await signInStaff(staff, 'wuli');
  // Count from what is there now, so that notices from other tests cannot confuse this one.
  const before = await unreadCount(staff);
  const bell = staff.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('aria-label', bellLabel(before));

  // Clearance 内部 → 秘密: the notice appears live, the session goes on.
  await userRow(page, '吴丽').getByRole('button', { name: '角色与密级' }).click();
  await expect(dialog.getByText('业务角色（可多选）')).toBeVisible();
  await dialog.getByRole('combobox').click();
  await chooseOption(page, '秘密');
  const [clearance] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/clearance') && r.request().method() === 'PUT'),
    dialog.getByRole('button', { name: '保存' }).click(),
  ]);
  expect(clearance.status()).toBe(200);
  await expect(userRow(page, '吴丽').getByText('秘密', { exact: true })).toBeVisible();
  await expect(bell).toHaveAttribute('aria-label', bellLabel(before + 1));
  await bell.click();
  await expect(staff.getByRole('dialog', { name: '通知' }).getByText('您的密级已调整')).toBeVisible();
  await staff.keyboard.press('Escape');

  // Adding the clerk role: the notice arrives, then the session ends and 吴丽 is sent to sign in again.
  await userRow(page, '吴丽').getByRole('button', { name: '角色与密级' }).click();
  await dialog.getByRole('checkbox', { name: '秘书' }).check();
  const [roles] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/roles') && r.request().method() === 'PUT'),
    dialog.getByRole('button', { name: '保存' }).click(),
  ]);
  expect(roles.status()).toBe(200);
  await expect(userRow(page, '吴丽').getByText('秘书', { exact: true })).toBeVisible();
  await expect(staff.getByTestId('sign-in-notice')).toContainText('您的会话已结束');
  await signInStaff(staff, 'wuli');
  await expect(staff.getByTestId('notification-bell')).toHaveAttribute('aria-label', bellLabel(before + 2));
  await expect(staff.getByTestId('todos').getByText('您的角色已调整')).toBeVisible();
  await other.close();

  // The security administrator never holds business roles, so the business modules are not in their navigation.
  await expect(mainNav(page).getByText('会议', { exact: true })).toHaveCount(0);
});
