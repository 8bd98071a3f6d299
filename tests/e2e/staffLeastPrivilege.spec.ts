// A staff member cannot reach administration (403 from the API, no 管理 in the navigation) and sees only directory
// fields of people in other units, contact details of colleagues in their own.
import { expect, test } from './support/test.ts';
import { asBrowser, mainNav, signInStaff, userId } from './support/tongban.ts';

test('staff are refused administration and see others only as far as the directory allows', async ({ page }) => {
  await signInStaff(page, 'zhangwei');
  const nav = mainNav(page);
  for (const item of ['工作台', '会议', '文档', '督办'])
    await expect(nav.getByText(item, { exact: true })).toBeVisible();
  await expect(nav.getByText('管理', { exact: true })).toHaveCount(0);

  const api = await asBrowser(page);
  const ndrc = await userId(page, 'zhangwei', '张伟');
  const unitId = ((await (await api.get(`/api/users/${ndrc}`)).json()) as { unitId: string }).unitId;
  const create = await api.post('/api/users', { username: 'intruder', displayName: '某人', unitId });
  expect(create.status()).toBe(403);
  expect(((await create.json()) as { code: string }).code).toBe('forbidden');
  expect((await api.get('/api/audit')).status()).toBe(403);
  expect((await api.post('/api/audit/verify')).status()).toBe(403);
  expect((await api.put(`/api/users/${ndrc}/roles`, { roles: ['leader'] })).status()).toBe(403);

  // 何军 works in 区财政局: directory fields only.
  const other = (await (await api.get(`/api/users/${await userId(page, 'hejun', '何军')}`)).json()) as Record<
    string,
    unknown
  >;
  expect(other.view).toBe('directory');
  expect(Object.keys(other).sort()).toEqual(['displayName', 'id', 'title', 'unitId', 'unitName', 'view']);
  // 李华 is a colleague in 区发改委: contact fields too, still no account details.
  const colleague = (await (await api.get(`/api/users/${await userId(page, 'lihua', '李华')}`)).json()) as Record<
    string,
    unknown
  >;
  expect(colleague.view).toBe('colleague');
  expect(colleague).toHaveProperty('email');
  expect(colleague).toHaveProperty('phone');
  expect(colleague).not.toHaveProperty('roles');
  expect(colleague).not.toHaveProperty('username');

  // Typing the address of an administration page shows nothing of it.
  await page.goto('/admin/users');
  await expect(page.getByText('页面不存在')).toBeVisible();
});
