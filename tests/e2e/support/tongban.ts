// Helpers for the end-to-end tests: the test clock, signing in through the UI, enrolling an authenticator, and API
// calls made with the browser's own session (cookie and CSRF token).
import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { totpAt } from '../../../server/domain/totp.ts';

/** Every demo account's password (server/seed/demoOrganisation.ts). */
export const DEMO_PASSWORD = 'Tongban#2026';

/** The server's "now" on its controllable clock (TONGBAN_TEST_HOOKS). */
export async function serverNow(request: APIRequestContext): Promise<Date> {
  const res = await request.post('/api/test/clock', { data: {} });
  expect(res.ok()).toBe(true);
  return new Date(((await res.json()) as { now: string }).now);
}

/**
 * Moves the server's clock forward. The clock is shared by every spec of a run and, like a real one, only moves
 * forward: nobody resets it, because what the server wrote at the later time (sessions, reminders sent for a date,
 * audit events) would then lie in its future, a state production never sees. So a spec never assumes the clock
 * reads real time: it asks serverNow() (or takes the date this returns) whenever it needs a date or a time.
 */
export async function advanceClock(request: APIRequestContext, ms: number): Promise<Date> {
  // The hook takes whole milliseconds; spans computed from minutes of the day carry fractions.
  const res = await request.post('/api/test/clock', { data: { advanceMs: Math.round(ms) } });
  expect(res.ok()).toBe(true);
  return new Date(((await res.json()) as { now: string }).now);
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SHANGHAI_OFFSET = 8 * 60 * MINUTE;

/** The calendar date (YYYY-MM-DD) in China at an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET).toISOString().slice(0, 10);
}

/** Moves the server's clock forward to the next moment it reads hours:minutes in China (not at all if it does now). */
export async function advanceClockToChinaTime(
  request: APIRequestContext,
  hours: number,
  minutes: number,
): Promise<Date> {
  const timeOfDay = ((await serverNow(request)).getTime() + SHANGHAI_OFFSET) % DAY;
  return advanceClock(request, ((hours * 60 + minutes) * MINUTE - timeOfDay + DAY) % DAY);
}

/** A code from the authenticator as it would read now on the server's clock. */
export async function currentCode(request: APIRequestContext, secret: string): Promise<string> {
  return totpAt(secret, await serverNow(request));
}

/** Fills the password step and waits for the server's answer. */
export async function submitPassword(page: Page, username: string, password = DEMO_PASSWORD): Promise<number> {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in') && r.request().method() === 'POST'),
    page.getByRole('button', { name: '登录', exact: true }).click(),
  ]);
  return response.status();
}

/**
 * Completes the forced enrolment shown after the password: reads the key from the page, confirms with a code,
 * acknowledges the recovery codes. Returns the key and the codes.
 */
export async function enrolAuthenticator(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  const secretText = await page.getByTestId('totp-secret').textContent();
  const secret = (secretText ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('验证码').fill(await currentCode(page.request, secret));
  await page.getByRole('button', { name: '完成绑定' }).click();
  const codes = page.getByTestId('recovery-codes');
  await expect(codes).toBeVisible();
  const recoveryCodes = await codes.locator('li').allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await codes.getByRole('checkbox', { name: '我已妥善保存这些恢复码' }).check();
  await codes.getByRole('button', { name: '继续' }).click();
  return { secret, recoveryCodes };
}

/**
 * The authenticator keys enrolled by signInEnrolling in this run, kept in the run's data directory: the specs share
 * one server, so a leader enrolled by an earlier spec answers with a code at a later one.
 */
function keyFile(): string | null {
  const dir = process.env.TONGBAN_E2E_DATA_DIR;
  return dir ? path.join(dir, 'e2e-authenticators.json') : null;
}

function rememberedKeys(): Record<string, string> {
  const file = keyFile();
  return file && fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

function rememberKey(username: string, secret: string): void {
  const file = keyFile();
  if (file) fs.writeFileSync(file, JSON.stringify({ ...rememberedKeys(), [username]: secret }));
}

/**
 * Signs in an account that must enrol an authenticator at its first sign-in and lands on its home: the workbench, or
 * 管理 for the three administrators. When an earlier spec of the run enrolled it already, answers with a code instead.
 */
export async function signInEnrolling(page: Page, username: string): Promise<string> {
  expect(await submitPassword(page, username)).toBe(200);
  const enrolling = page.getByRole('heading', { name: '绑定验证器' });
  const verifying = page.getByRole('heading', { name: '身份验证' });
  await expect(enrolling.or(verifying)).toBeVisible();
  if (await verifying.isVisible()) {
    const known = rememberedKeys()[username];
    if (!known) throw new Error(`${username} was enrolled earlier in this run without signInEnrolling`);
    await page.getByLabel('验证码').fill(await currentCode(page.request, known));
    await page.getByRole('button', { name: '验证', exact: true }).click();
    await expect(page.getByTestId('greeting').or(page.getByTestId('admin-home'))).toBeVisible();
    // The code may not be used again: the next sign-in needs the next 30-second step.
    await advanceClock(page.request, 31_000);
    return known;
  }
  const { secret } = await enrolAuthenticator(page);
  rememberKey(username, secret);
  await expect(page.getByTestId('greeting').or(page.getByTestId('admin-home'))).toBeVisible();
  // The code used for enrolment may not be used again: later sign-ins need the next 30-second step.
  await advanceClock(page.request, 31_000);
  return secret;
}

/** Signs in a staff account (password only) and waits for the workbench. */
export async function signInStaff(page: Page, username: string): Promise<void> {
  expect(await submitPassword(page, username)).toBe(200);
  await expect(page.getByTestId('greeting')).toBeVisible();
}

/** API calls as the signed-in browser: same cookie jar, and the session's current CSRF token on state changes. */
export async function asBrowser(page: Page) {
  const session = await page.request.get('/api/auth/session');
  expect(session.ok()).toBe(true);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  return {
    get: (url: string) => page.request.get(url),
    post: (url: string, data?: unknown) => page.request.post(url, { headers, ...(data === undefined ? {} : { data }) }),
    put: (url: string, data: unknown) => page.request.put(url, { headers, data }),
  };
}

/** The id of a demo user, looked up through the directory. */
export async function userId(page: Page, username: string, displayName: string): Promise<string> {
  const res = await page.request.get(`/api/users?q=${encodeURIComponent(displayName)}`);
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: Array<{ id: string; displayName: string }> };
  const user = items.find((u) => u.displayName === displayName);
  if (!user) throw new Error(`no user ${username} (${displayName}) in the directory`);
  return user.id;
}

export function mainNav(page: Page) {
  return page.getByRole('navigation', { name: '主导航' });
}

/**
 * Picks an option in the open Ant Design select. Its role="option" elements are an off-screen accessibility list;
 * the visible, clickable items are in the dropdown.
 */
export async function chooseOption(page: Page, label: string): Promise<void> {
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();
}
