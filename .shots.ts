// Scratch: screenshots for visual review (not part of the project).
import fs from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { totpAt } from './server/domain/totp.ts';

const BASE = 'http://localhost:3100';
const [user = 'zhangwei', pagesArg = '/', sizesArg = '1280x800', prefix = 'shot', locale = 'zh-CN'] = process.argv.slice(2);

async function now(page: Page) {
  const r = await page.request.post(`${BASE}/api/test/clock`, { data: {} });
  return new Date((await r.json()).now);
}

async function signIn(browser: Browser): Promise<string> {
  const state = `/tmp/shots/state-${user}.json`;
  if (fs.existsSync(state)) return state;
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel(/用户名|User name/).fill(user);
  await page.getByLabel(/^(密码|Password)$/).fill('Tongban#2026');
  await page.getByRole('button', { name: /^(登录|Sign in)$/ }).click();
  await page.waitForTimeout(1500);
  const secret = page.getByTestId('totp-secret');
  if (await secret.count()) {
    const s = ((await secret.textContent()) ?? '').replace(/\s+/g, '');
    fs.writeFileSync(`/tmp/shots/secret-${user}.txt`, s);
    await page.screenshot({ path: `/tmp/shots/${prefix}-enrol.png` });
    await page.getByLabel(/验证码|Code/).fill(totpAt(s, await now(page)));
    await page.getByRole('button', { name: /完成绑定|Finish/ }).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/${prefix}-recovery.png` });
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: /继续|Continue/ }).click();
    await page.waitForTimeout(1000);
    await page.request.post(`${BASE}/api/test/clock`, { data: { advanceMs: 31000 } });
  }
  await ctx.storageState({ path: state });
  await ctx.close();
  return state;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const state = user === 'none' ? undefined : await signIn(browser);
for (const size of sizesArg.split(',')) {
  const [w, h] = size.split('x').map(Number);
  const ctx = await browser.newContext({ viewport: { width: w!, height: h! }, hasTouch: w! < 1000, ...(state ? { storageState: state } : {}) });
  await ctx.addInitScript((l) => localStorage.setItem('tongban.locale', l), locale);
  const page = await ctx.newPage();
  const logs: string[] = [];
  page.on('console', (m) => { if ((m.type() === 'error' || m.type() === 'warning') && !m.text().includes('401')) logs.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  for (const p of pagesArg.split(',')) {
    await page.goto(BASE + p);
    await page.waitForTimeout(Number(process.env.SHOT_WAIT ?? 1200));
    const name = `/tmp/shots/${prefix}-${p.replace(/[/?=&]/g, '_')}-${size}.png`;
    await page.screenshot({ path: name });
    console.log(name);
  }
  if (logs.length) console.log(logs.join('\n'));
  await ctx.close();
}
await browser.close();
