// After a sign-out the next person in the same browser starts at their own home, not on the page the last one left:
// a staff member on 督办 signs out, the security administrator signs in and lands on 管理, with no business module
// offered and the supervision API refusing them. Someone whose session merely ended returns to their own page.
import { expect, test } from './support/test.ts';
import { asBrowser, mainNav, signInEnrolling, signInStaff, submitPassword } from './support/tongban.ts';

test('signing out forgets the page: the security administrator who signs in next lands on 管理', async ({ page }) => {
  await signInStaff(page, 'zhangwei');
  await mainNav(page).getByText('督办', { exact: true }).click();
  await expect(page).toHaveURL(/\/supervision$/);

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByTestId('sign-in-notice')).toContainText('您已安全退出');
  await expect(page).toHaveURL(/\/sign-in$/);

  await signInEnrolling(page, 'secadmin');
  await expect(page.getByTestId('admin-home')).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(mainNav(page).getByText('督办', { exact: true })).toHaveCount(0);
  // Typed in by hand, the business page does not exist for them, and its API answers 403.
  await page.goto('/supervision');
  await expect(page.getByText('页面不存在').or(page.getByText('404'))).toBeVisible();
  const api = await page.request.get('/api/supervision/tasks?scope=mine');
  expect(api.status()).toBe(403);
  expect(((await api.json()) as { code: string }).code).toBe('admin_no_business');
});

test('a session ended elsewhere brings the same person back to their page, and nobody else', async ({ page }) => {
  const endedElsewhere = async () => {
    // Signed out from another device: this tab is told over the socket and goes to the sign-in page.
    expect((await (await asBrowser(page)).post('/api/auth/sign-out-everywhere')).status()).toBe(200);
    await expect(page.getByTestId('sign-in-notice')).toContainText('您的会话已结束');
  };

  await signInStaff(page, 'zhangwei');
  await mainNav(page).getByText('督办', { exact: true }).click();
  await expect(page).toHaveURL(/\/supervision$/);
  await endedElsewhere();
  // Someone else signs in at this browser: their own workbench, not 张伟's page.
  expect(await submitPassword(page, 'zhouqiang')).toBe(200);
  await expect(page.getByTestId('greeting')).toBeVisible();
  await expect(page).toHaveURL(/\/$/);

  await mainNav(page).getByText('文档', { exact: true }).click();
  await expect(page).toHaveURL(/\/documents$/);
  await endedElsewhere();
  // The same person comes back to where they were.
  expect(await submitPassword(page, 'zhouqiang')).toBe(200);
  await expect(page).toHaveURL(/\/documents$/);
});
