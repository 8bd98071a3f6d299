// 文字识别 in the browser: the clerk 赵静 uploads a photographed notice (a PNG of known Chinese text) as a material of an
// online meeting; the upload answers at once and the server's OCR job recognises it in the background; the material's
// tag turns to 已识别 without a reload, and 用识别文字新建文稿 opens a new draft holding the recognised text.
import { expect, test } from './support/test.ts';
import { asBrowser, serverNow, signInStaff } from './support/tongban.ts';
import { scannedPng } from '../support/scannedPaper.ts';

const DAY = 24 * 60 * 60_000;
const NOTICE = ['关于开展消防安全检查的通知', '请各科室于本周五前完成自查。'];

test('a scanned material is recognised in the background and its text becomes a new draft', async ({
  page,
  request,
}) => {
  const now = await serverNow(request);
  await signInStaff(page, 'zhaojing');
  const api = await asBrowser(page);
  const me = (await (await api.get('/api/auth/session')).json()) as { user: { id: string } };
  const day = new Date(now.getTime() + 2 * DAY).toISOString().slice(0, 10);
  const created = await api.post('/api/meetings', {
    title: '消防安全检查部署会',
    type: 'zhuanti',
    mode: 'online',
    startAt: `${day}T09:00:00+08:00`,
    endAt: `${day}T10:00:00+08:00`,
    hostId: me.user.id,
    participants: { users: [], units: [] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const meetingId = ((await created.json()) as { id: string }).id;
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const uploaded = await page.request.post(`/api/meetings/${meetingId}/materials`, {
    headers: { 'x-csrf-token': session.csrfToken },
    multipart: { file: { name: '消防检查通知.png', mimeType: 'image/png', buffer: await scannedPng(NOTICE) } },
  });
  expect(uploaded.status(), await uploaded.text()).toBe(201);

  await page.goto(`/meetings/${meetingId}`);
  const material = page.getByTestId('material').filter({ hasText: '消防检查通知' });
  // The page asks again while the file waits or is under way: the tag changes without a reload.
  await expect(material.getByTestId('ocr-status')).toHaveText('已识别', { timeout: 60_000 });
  await material.getByTestId('ocr-draft').click();
  await expect(page).toHaveURL(/\/documents\/[\w-]+$/);
  await expect(page.locator('.tb-doc')).toContainText('关于开展消防安全检查的通知', { timeout: 30_000 });
});
