// 组织机构 in Chromium: a unit the system administrator creates under a unit that had none shows at once, the tree
// opened down to it and the unit selected, even where a branch above it had been closed.
import { expect, test } from './support/test.ts';
import { signInEnrolling } from './support/tongban.ts';

test('a new unit is shown in the tree, opened down to it and selected', async ({ page }) => {
  await signInEnrolling(page, 'sysadmin');
  await page.goto('/admin/units');
  const tree = page.locator('.tb-unit-tree');
  const node = (name: string) =>
    tree
      .locator('.ant-tree-treenode')
      .filter({ has: page.locator('.tb-unit-title', { hasText: new RegExp(`^${name} `) }) });

  // 区财政局 has no units under it yet.
  await node('区财政局').locator('.tb-unit-title').click();
  await page.getByRole('button', { name: '新建下级单位' }).click();
  const dialog = page.getByRole('dialog', { name: '新建单位' });
  await dialog.getByLabel('单位全称').fill('区财政局预算科');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(node('区财政局预算科')).toBeVisible();
  await expect(node('区财政局预算科')).toHaveClass(/ant-tree-treenode-selected/);
  await expect(page.getByText('区财政局预算科', { exact: true }).last()).toBeVisible();

  // Close 区财政局 again, and add a second unit under it: the branch opens again to show it.
  await node('区财政局').locator('.ant-tree-switcher').click();
  await expect(node('区财政局预算科')).toBeHidden();
  await page.getByRole('button', { name: '新建下级单位' }).click();
  await dialog.getByLabel('单位全称').fill('区财政局国库科');
  await dialog.getByLabel('上级单位').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-title')
    .filter({ hasText: /^区财政局$/ })
    .click();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(node('区财政局国库科')).toBeVisible();
  await expect(node('区财政局国库科')).toHaveClass(/ant-tree-treenode-selected/);
  await expect(node('区财政局预算科')).toBeVisible();
});
