// Five wrong passwords lock the account for 30 minutes: the sixth attempt is refused even with the right password,
// and the right password works once the (controllable) clock has moved past the lockout. Locked or not, the page says
// only "wrong user name or password" (an unknown name gets the same), and the person finds an account notice later.
import { expect, test } from './support/test.ts';
import { advanceClock, DEMO_PASSWORD, submitPassword } from './support/tongban.ts';

test('the sixth attempt is refused even with the right password until the lockout ends', async ({ page }) => {
  await page.goto('/sign-in');
  const error = page.getByTestId('sign-in-error');
  for (let attempt = 1; attempt <= 4; attempt++) {
    expect(await submitPassword(page, 'xuyan', `Wrong#Pass${attempt}x`)).toBe(401);
    await expect(error).toContainText('用户名或密码错误');
  }
  expect(await submitPassword(page, 'xuyan', 'Wrong#Pass5x')).toBe(401);
  await expect(error).toContainText('用户名或密码错误');

  expect(await submitPassword(page, 'xuyan', DEMO_PASSWORD)).toBe(401);
  await expect(error).toContainText('临时锁定');

  await advanceClock(page.request, 31 * 60_000);
  expect(await submitPassword(page, 'xuyan', DEMO_PASSWORD)).toBe(200);
  await expect(page.getByTestId('greeting')).toContainText('徐燕');
});
