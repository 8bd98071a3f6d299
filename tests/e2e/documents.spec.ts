// Collaborative documents in two browsers: the owner (张伟) and a colleague from another unit (何军, shared to edit)
// co-edit live; one comments on a selection, the other replies and resolves; the owner turns on review mode, the
// colleague's typing becomes tracked changes, the owner accepts one and rejects the other (and the owner's own typing
// is tracked too); the diff since the first version shows both authors in their own colours.
import { expect, test, type Locator, type Page } from './support/test.ts';
import { asBrowser, chooseOption, mainNav, signInStaff, userId } from './support/tongban.ts';

const TITLE = '关于做好冬季安全生产工作的通知';
const OPENING = 30_000;

function editor(page: Page): Locator {
  return page.getByTestId('editor');
}

function panel(page: Page): Locator {
  return page.getByRole('complementary', { name: '批注与修订' });
}

async function openTab(page: Page, name: '批注' | '修订' | '版本'): Promise<void> {
  await panel(page)
    .getByRole('tab', { name: new RegExp(`^${name}`) })
    .click();
}

type TiptapSelectionDom = HTMLElement & {
  editor: { state: { selection: { from: number; to: number }; doc: { content: { size: number } } } };
};

/**
 * Puts the caret at the start or the end of the document. Focus, not a click: a click puts the caret under the mouse,
 * and on a busy machine that selection could land after the key press (the owner's next paragraph then split the
 * colleague's). The key is pressed until ProseMirror's selection is where it should be.
 */
async function caretTo(page: Page, where: 'start' | 'end'): Promise<void> {
  await editor(page).focus();
  await expect
    .poll(async () => {
      await page.keyboard.press(where === 'end' ? 'Control+End' : 'Control+Home');
      return page.evaluate((w) => {
        const { editor: tiptap } = document.querySelector('.tb-doc') as TiptapSelectionDom;
        const { from, to } = tiptap.state.selection;
        return w === 'end' ? from === to && to === tiptap.state.doc.content.size - 1 : from === to && from === 1;
      }, where);
    })
    .toBe(true);
}

/** The access tag in the editor's header (the documents list shows one per row). */
function editorAccess(page: Page) {
  return page.getByTestId('editor-head').getByTestId('access');
}

/** Puts the caret at the end of the document and types a new paragraph. */
async function typeParagraph(page: Page, text: string): Promise<void> {
  await caretTo(page, 'end');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

test('two people co-edit, comment, review with tracked changes and compare versions', async ({
  page: owner,
  browser,
}) => {
  // Two browsers and some forty steps on a 2-core machine: the default minute is too tight.
  test.setTimeout(120_000);
  // The owner creates a draft and shares it with 何军 (区财政局) for editing.
  await signInStaff(owner, 'zhangwei');
  await mainNav(owner).getByText('文档', { exact: true }).click();
  await owner.getByRole('button', { name: '新建文档' }).click();
  const createDialog = owner.getByRole('dialog', { name: '新建文档' });
  await createDialog.getByLabel('标题').fill(TITLE);
  await createDialog.getByRole('button', { name: '创建并打开' }).click();
  // Opening the editor loads its chunk and connects: slower than a plain page on a busy machine. The list stays on
  // screen while the chunk loads (the address has already changed), with an access tag per row: read the editor's.
  await expect(editorAccess(owner)).toHaveText('可编辑（起草人）', { timeout: OPENING });

  await owner.getByRole('button', { name: '共享' }).click();
  const shareDialog = owner.getByRole('dialog', { name: '共享文档' });
  await shareDialog.getByRole('combobox', { name: '添加人员' }).click();
  await shareDialog.getByRole('combobox', { name: '添加人员' }).fill('何军');
  await chooseOption(owner, '何军 · 区财政局');
  await expect(shareDialog.getByRole('row', { name: /何军/ })).toContainText('可编辑');
  await shareDialog.getByRole('button', { name: '保存' }).click();
  await expect(shareDialog).toBeHidden();

  await editor(owner).click();
  await owner.keyboard.type('为切实做好今冬明春安全生产工作，现将有关事项通知如下。');
  await expect(owner.getByTestId('connection')).toHaveAttribute('data-pending', '0');
  await openTab(owner, '版本');
  await panel(owner).getByLabel('版本名称').fill('初稿');
  await panel(owner).getByRole('button', { name: '保存版本' }).click();
  await expect(panel(owner).getByTestId('version').first()).toContainText('初稿');

  // 何军 finds it among the documents shared with him and opens it.
  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await signInStaff(colleague, 'hejun');
  await mainNav(colleague).getByText('文档', { exact: true }).click();
  await colleague.getByTestId('scope-filter').getByText('共享给我的').click();
  await colleague.getByTestId('document-link').filter({ hasText: TITLE }).click();
  await colleague.waitForURL(/\/documents\/[\w-]+$/, { timeout: OPENING });
  await expect(editorAccess(colleague)).toHaveText('可编辑', { timeout: OPENING });
  await expect(editor(colleague)).toContainText('现将有关事项通知如下');
  await expect(owner.getByTestId('presence-user')).toHaveCount(2);

  // Live co-editing, both ways.
  await typeParagraph(colleague, '一、各单位要落实安全生产责任制。');
  await expect(editor(owner)).toContainText('一、各单位要落实安全生产责任制。');
  await typeParagraph(owner, '特此通知。');
  await expect(editor(colleague)).toContainText('特此通知。');

  // The owner comments on the first sentence and mentions 何军.
  await caretTo(owner, 'start');
  await owner.keyboard.press('Shift+End');
  await owner.getByTestId('add-comment').click();
  const composer = owner.getByTestId('new-comment');
  await composer.getByRole('textbox').pressSequentially('请明确完成时限 @hejun');
  await owner.locator('.ant-mentions-dropdown:visible').getByText('何军 · 区财政局').click();
  await expect(composer.getByRole('textbox')).toHaveValue('请明确完成时限 @何军 ');
  await composer.getByRole('button', { name: '发表批注' }).click();
  await expect(panel(owner).getByTestId('thread')).toHaveCount(1);
  await expect(editor(owner).locator('.tb-comment')).toHaveCount(1);

  // 何军 sees the thread, replies and resolves it; the owner sees it resolved with the reply.
  await openTab(colleague, '批注');
  const thread = panel(colleague).getByTestId('thread');
  await expect(thread).toContainText('请明确完成时限');
  await expect(thread.locator('.tb-mention')).toHaveText('@何军');
  await thread.getByRole('button', { name: '回复' }).click();
  await thread.getByTestId('reply-input').getByRole('textbox').fill('已补充：12 月 31 日前完成。');
  await thread.getByTestId('reply-input').getByRole('button', { name: '回复' }).click();
  await expect(thread).toContainText('已补充：12 月 31 日前完成。');
  await thread.getByRole('button', { name: '解决' }).click();
  await expect(panel(colleague).getByTestId('thread')).toHaveCount(0);
  await openTab(owner, '批注');
  await panel(owner)
    .getByText(/^已解决/)
    .click();
  await expect(panel(owner).getByTestId('thread')).toContainText('已补充：12 月 31 日前完成。');
  await expect(panel(owner).getByTestId('thread')).toContainText('已解决');

  // Review mode: 何军's access becomes "suggest" on his open connection, and what he types is tracked.
  await owner.getByTestId('review-mode').click();
  await expect(owner.getByTestId('review-mode-on')).toBeVisible();
  await expect(editorAccess(colleague)).toHaveText('修订模式');
  await expect(colleague.getByTestId('notice-access')).toContainText('修订模式');
  await caretTo(colleague, 'end');
  await colleague.keyboard.type('（完）');
  await caretTo(colleague, 'start');
  await colleague.keyboard.press('End');
  await colleague.keyboard.type('（草案）');
  await expect(editor(colleague).locator('ins[data-suggestion]')).toHaveCount(2);
  await expect(editor(owner).locator('ins[data-suggestion]')).toHaveCount(2);
  await expect(colleague.getByTestId('connection')).toHaveText('已同步');
  await expect(colleague.getByTestId('notice-refused')).toHaveCount(0);

  // The owner accepts one and rejects the other.
  await openTab(owner, '修订');
  const suggestions = panel(owner).getByTestId('suggestion');
  await expect(suggestions).toHaveCount(2);
  await expect(suggestions.first()).toContainText('何军');
  await suggestions.filter({ hasText: '（完）' }).getByRole('button', { name: '接受' }).click();
  await expect(suggestions).toHaveCount(1);
  await suggestions.filter({ hasText: '（草案）' }).getByRole('button', { name: '拒绝' }).click();
  await expect(suggestions).toHaveCount(0);
  // The owner's own changes in review mode are tracked too: the trace keeps the drafter's rewrites.
  await caretTo(owner, 'end');
  await owner.keyboard.type('（签发）');
  await expect(editor(colleague).locator('ins[data-suggestion]')).toHaveText('（签发）');
  await expect(suggestions).toHaveCount(1);
  await expect(suggestions.first()).toContainText('张伟');
  await suggestions.first().getByRole('button', { name: '接受' }).click();
  await expect(suggestions).toHaveCount(0);
  for (const page of [owner, colleague]) {
    await expect(editor(page).locator('ins[data-suggestion], del[data-suggestion]')).toHaveCount(0);
    await expect(editor(page)).toContainText('特此通知。（完）');
    await expect(editor(page)).not.toContainText('（草案）');
  }

  // The accept and the reject in a row share one version taken before them; the owner's typing after them started
  // another for the last accept. Each is named in the reader's language.
  await openTab(owner, '版本');
  await expect(
    panel(owner).getByTestId('version').filter({ hasText: '处修订之前' }).locator('.tb-version__name'),
  ).toHaveText(['张伟处理 1 处修订之前', '张伟处理 2 处修订之前']);

  // The diff since the first version: both authors, each in their own colour.
  await panel(owner).getByTestId('version').filter({ hasText: '初稿' }).getByRole('button', { name: '比较' }).click();
  const diffDialog = owner.getByRole('dialog', { name: '版本比较' });
  const authors = diffDialog.getByTestId('diff-author');
  await expect(authors).toHaveCount(2);
  await expect(authors.filter({ hasText: '张伟' })).toHaveCount(1);
  await expect(authors.filter({ hasText: '何军' })).toHaveCount(1);
  const colors = await authors.evaluateAll((els) => els.map((el) => el.getAttribute('data-color')));
  expect(new Set(colors).size).toBe(2);
  const diff = diffDialog.getByTestId('diff');
  await expect(diff.locator('ins').filter({ hasText: '一、各单位要落实安全生产责任制。' })).toHaveAttribute(
    'title',
    '何军',
  );
  await expect(diff.locator('ins').filter({ hasText: '特此通知。' })).toHaveAttribute('title', '张伟');

  await colleagueContext.close();
});

test('a change the server refuses is explained and dropped, and a withdrawn share closes the document', async ({
  page: owner,
  browser,
}) => {
  test.setTimeout(120_000);
  await signInStaff(owner, 'zhangwei');
  const api = await asBrowser(owner);
  const created = await api.post('/api/documents', { kind: 'draft', title: '关于开展安全生产大检查的通知' });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const reviewerId = await userId(owner, 'zhengkai', '郑凯');
  expect(
    (
      await api.put(`/api/documents/${id}/shares`, {
        shares: [{ granteeType: 'user', granteeId: reviewerId, access: 'suggest' }],
      })
    ).ok(),
  ).toBe(true);
  await owner.goto(`/documents/${id}`);
  await expect(editorAccess(owner)).toHaveText('可编辑（起草人）', { timeout: OPENING });
  await editor(owner).click();
  await owner.keyboard.type('请各单位于本月底前完成自查。');

  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signInStaff(reviewer, 'zhengkai');
  await reviewer.goto(`/documents/${id}`);
  await expect(editorAccess(reviewer)).toHaveText('修订模式', { timeout: OPENING });
  await expect(editor(reviewer)).toContainText('请各单位于本月底前完成自查。');

  // A client that does not follow the rules (simulated: a direct edit that skips the review-mode rewriting) is
  // refused by the server; the page says why and reloads the server's copy without the change.
  await reviewer.evaluate((untracked) => {
    type TiptapDom = HTMLElement & {
      editor: {
        state: { tr: { insertText(text: string, pos: number): { setMeta(key: string, value: boolean): unknown } } };
        view: { dispatch(tr: unknown): void };
      };
    };
    const { editor: tiptap } = document.querySelector('.tb-doc') as TiptapDom;
    tiptap.view.dispatch(tiptap.state.tr.insertText('直接改', 1).setMeta(untracked, true));
  }, 'tongban:untracked');
  await expect(reviewer.getByTestId('notice-refused')).toContainText('在审阅模式下只能以修订方式修改');
  await expect(reviewer.getByTestId('notice-refused')).toContainText('已从服务器重新加载文档');
  await expect(editor(reviewer)).toContainText('请各单位于本月底前完成自查。');
  await expect(editor(reviewer)).not.toContainText('直接改');
  await expect(editor(owner)).not.toContainText('直接改');
  // Reconnected: what the reviewer types now is a tracked change again.
  await caretTo(reviewer, 'end');
  await reviewer.keyboard.type('（需附检查表）');
  await expect(editor(owner).locator('ins[data-suggestion]')).toHaveText('（需附检查表）');

  // The owner withdraws the share: the reviewer's open document closes.
  expect((await api.put(`/api/documents/${id}/shares`, { shares: [] })).ok()).toBe(true);
  await expect(reviewer.getByTestId('document-unavailable')).toContainText('您没有查看该文档的权限');
  await reviewerContext.close();
});
