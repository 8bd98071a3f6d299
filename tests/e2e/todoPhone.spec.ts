// On a phone the 待办 tab carries the server's count on its icon, and the tab bar keeps to what fits: 收文登记, desk
// work of the clerk 钱文, is left to wide screens, and the 待办 tab is the current one on the 待办 page.
import { expect, test } from './support/test.ts';
import { mainNav, signInStaff } from './support/tongban.ts';

test.use({ viewport: { width: 375, height: 812 } });

test('on a phone the 待办 tab shows the count on its icon', async ({ page }) => {
  await signInStaff(page, 'qianwen');
  const total = ((await (await page.request.get('/api/todo/counts')).json()) as { total: number }).total;
  const nav = mainNav(page);
  await expect(nav.getByTestId('nav-todo-count')).toHaveAttribute('data-count', String(total));
  await expect(nav.getByText('收文箱', { exact: true })).toBeVisible();
  await expect(nav.getByText('收文登记', { exact: true })).toHaveCount(0);
  await nav.getByText('待办', { exact: true }).click();
  await expect(page).toHaveURL(/\/todo$/);
  await expect(nav.locator('[aria-current="page"]')).toContainText('待办');
  await page.screenshot({ path: '/tmp/U-phone.png' });
});
