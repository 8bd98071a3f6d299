// The supervision form's basis documents are found by search, not typed as ids: 周强 (supervisor) raises a task on an
// upper-level document by typing words of its title and picking it; the task names the document and opens it.
import { expect, test } from './support/test.ts';
import { asBrowser, chinaDate, chooseOption, serverNow, signInStaff } from './support/tongban.ts';

const TITLE = '市应急管理局关于加强汛期隐患排查的指导意见';
const WORDS = '汛期隐患排查';

test('an upper-level document picked by search is the task’s basis', async ({ page }) => {
  test.setTimeout(180_000);
  await signInStaff(page, 'zhouqiang');
  const api = await asBrowser(page);
  const created = await api.post('/api/documents', { kind: 'draft', title: TITLE });
  expect(created.status(), await created.text()).toBe(201);
  const documentId = ((await created.json()) as { id: string }).id;
  // The indexer follows new documents within seconds.
  await expect(async () => {
    const res = await api.get(`/api/search?q=${encodeURIComponent(WORDS)}&kind=document`);
    const hits = ((await res.json()) as { hits: Array<{ id: string }> }).hits;
    expect(hits.map((h) => h.id)).toContain(documentId);
  }).toPass({ timeout: 30_000 });

  await page.goto('/supervision');
  await page.getByRole('button', { name: '新建督办事项' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('事项名称').fill('落实汛期隐患排查整改');
  await form.getByLabel('督办依据').click();
  await chooseOption(page, '上级文件');
  await form.getByLabel('上级文件').fill(WORDS);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: TITLE }).click();
  await form.getByLabel('牵头单位').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-tree-title')
    .filter({ hasText: /^区发展和改革委员会$/ })
    .click();
  await form.getByLabel('办理要求').fill('逐项排查，月底前报送整改情况');
  const due = chinaDate(new Date((await serverNow(page.request)).getTime() + 14 * 86_400_000));
  await form.getByLabel('办理期限').fill(due);
  await form.getByLabel('办理期限').press('Tab');
  await form
    .getByRole('button', { name: '创 建' })
    .or(form.getByRole('button', { name: '创建' }))
    .click();

  const basis = page.getByTestId('task-source-document');
  await expect(basis).toHaveText(TITLE);
  await expect(basis).toHaveAttribute('href', `/documents/${documentId}`);
});
