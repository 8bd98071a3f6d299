// The audit administrator reads the audit log (the sign-ins of this run are in it), filters it, and verifies the
// hash chain from the UI.
import { expect, test } from './support/test.ts';
import { chooseOption, mainNav, signInEnrolling } from './support/tongban.ts';

test('the audit administrator sees sign-in events and verifies the chain', async ({ page }) => {
  await signInEnrolling(page, 'auditadmin');
  await mainNav(page).getByText('管理', { exact: true }).click();
  await page.getByRole('tab', { name: '审计日志' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole('tab', { name: '用户' })).toHaveCount(0);

  const table = page.getByTestId('audit-table');
  await expect(table.getByText('auth.sign_in').first()).toBeVisible();

  // Only the audit administrator's own sign-ins.
  const filters = page.getByTestId('audit-filters');
  await filters.getByLabel('操作人').fill('auditadmin');
  await filters.getByLabel('操作类型').click();
  await chooseOption(page, '登录');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/audit?') && r.url().includes('actor=auditadmin')),
    filters.getByRole('button', { name: '查询' }).click(),
  ]);
  const body = (await response.json()) as { items: Array<{ action: string; actorName: string }>; total: number };
  expect(body.total).toBeGreaterThanOrEqual(1);
  expect(body.items.every((e) => e.action === 'auth.sign_in' && e.actorName === 'auditadmin')).toBe(true);
  await expect(table.getByRole('row')).toHaveCount(body.items.length + 1);

  await page.getByTestId('verify-chain').click();
  await expect(page.getByTestId('chain-verdict')).toContainText('审计日志完整');
});
