// Supervision forms in Chromium: the words 只看逾期 toggle their switch, and a deadline in the past typed into the
// new-task form stays there with a message saying so (the date picker used to drop it without a word).
import { expect, test } from './support/test.ts';
import { signInStaff } from './support/tongban.ts';

test('clicking the words 只看逾期 toggles the switch and filters the list', async ({ page }) => {
  await signInStaff(page, 'zhouqiang');
  await page.goto('/supervision/desk');
  const overdueOnly = page.getByRole('switch', { name: '只看逾期' });
  await expect(overdueOnly).toHaveAttribute('aria-checked', 'false');
  const label = page.locator('label', { hasText: '只看逾期' });
  const filtered = page.waitForResponse(
    (r) => r.url().includes('/api/supervision/tasks?') && new URL(r.url()).searchParams.get('overdue') === 'true',
  );
  await label.click();
  await expect(overdueOnly).toHaveAttribute('aria-checked', 'true');
  expect((await filtered).ok()).toBe(true);
  await label.click();
  await expect(overdueOnly).toHaveAttribute('aria-checked', 'false');
  // The switch itself still works, once per click.
  await overdueOnly.click();
  await expect(overdueOnly).toHaveAttribute('aria-checked', 'true');
});

test('a deadline in the past stays in the new-task form, with a message that it has passed', async ({ page }) => {
  await signInStaff(page, 'zhouqiang');
  await page.goto('/supervision');
  await page.getByRole('button', { name: '新建督办事项' }).click();
  const form = page.getByRole('dialog');
  const due = form.getByLabel('办理期限');
  // Long past on any clock the browser or the server may have.
  await due.fill('2020-01-06');
  await due.press('Tab');
  await expect(due).toHaveValue('2020-01-06');
  await expect(form.getByText(/^2020-01-06 已经过去，请选择今天（\d{4}-\d{2}-\d{2}）或以后的日期$/)).toBeVisible();
});
