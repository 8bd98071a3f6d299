// A leader must enrol an authenticator at first sign-in, sees the recovery codes once, and afterwards signs in with
// password + a fresh code (a code already used is refused, so the clock moves to the next 30-second step).
import { expect, test } from './support/test.ts';
import { advanceClock, currentCode, enrolAuthenticator, submitPassword } from './support/tongban.ts';

test('a leader enrols an authenticator, signs out, and signs in again with password and TOTP', async ({ page }) => {
  expect(await submitPassword(page, 'liufang')).toBe(200);
  await expect(page.getByRole('heading', { name: '绑定验证器' })).toBeVisible();
  await expect(page.getByRole('img', { name: '验证器绑定二维码' })).toBeVisible();
  // The key for typing by hand: eight groups of four, in monospace; on a phone's width lines break between groups only.
  const key = page.getByTestId('totp-secret');
  await expect(key).toHaveText(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
  expect(await key.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
  await page.setViewportSize({ width: 360, height: 800 });
  const groups = await key
    .locator('.tb-secret__group')
    .evaluateAll((els) => els.map((el) => el.getClientRects().length));
  expect(groups).toEqual(Array(8).fill(1));
  expect((await key.boundingBox())!.height).toBeGreaterThan(40);
  await page.setViewportSize({ width: 1280, height: 800 });
  const { secret } = await enrolAuthenticator(page);

  await expect(page.getByTestId('greeting')).toContainText('刘芳');
  await expect(page).toHaveURL(/\/$/);

  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByTestId('sign-in-notice')).toContainText('您已安全退出');

  await advanceClock(page.request, 31_000);
  expect(await submitPassword(page, 'liufang')).toBe(200);
  await expect(page.getByRole('heading', { name: '身份验证' })).toBeVisible();

  // A wrong code is refused with a clear message and the step stays open.
  await page.getByLabel('验证码').fill('000000');
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await expect(page.getByTestId('sign-in-error')).toContainText('验证码错误');

  await page.getByLabel('验证码').fill(await currentCode(page.request, secret));
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await expect(page.getByTestId('greeting')).toContainText('刘芳');
});
