// 办文 in four browsers: the clerk (孙悦) drafts a 通知 from the office's template and sends it to 会签 by two unit leaders in parallel (李华 of
// 区发改委, 杨帆 of 区财政局) and then to the 区长 (陈明) for 签发; 李华 suggests a change to the text (a tracked change)
// and gives an opinion, 杨帆 approves; 陈明 signs off on a phone (375×812), the panel below the text; the office (赵静)
// numbers it and 孙悦, a holder of the office's seal, seals it. The downloaded PDF, rendered by pdftoppm, is red in the
// 版头 and around the 成文日期 (the seal), the seal check says intact, and a changed copy modified.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MM, TYPE_AREA } from '../../server/export/gongwenLayout.ts';
import { expect, test, type Browser, type Locator, type Page } from './support/test.ts';
import { asBrowser, chooseOption, mainNav, signInEnrolling, signInStaff, userId } from './support/tongban.ts';

const TITLE = '关于开展2026年度安全生产大检查的通知';
const OPENING = 30_000;

async function person(browser: Browser, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {});
  return context.newPage();
}

function editor(page: Page): Locator {
  return page.getByTestId('editor');
}

function panel(page: Page): Locator {
  return page.getByTestId('official-doc-panel');
}

type TiptapDom = HTMLElement & {
  editor: { state: { selection: { from: number; to: number }; doc: { content: { size: number } } } };
};

/** Puts the caret at the end of the 正文 (focus and keys, then checks ProseMirror's selection). */
async function caretToEnd(page: Page): Promise<void> {
  await editor(page).focus();
  await expect
    .poll(async () => {
      await page.keyboard.press('Control+End');
      return page.evaluate(() => {
        const { editor: tiptap } = document.querySelector('.tb-doc') as TiptapDom;
        const { from, to } = tiptap.state.selection;
        return from === to && to === tiptap.state.doc.content.size - 1;
      });
    })
    .toBe(true);
}

/** Opens the 公文 from the person's 待办 list, where it shows as 加急 and, when its step has one, with its 办理时限. */
async function openFromTodo(page: Page, withDeadline: boolean): Promise<void> {
  await mainNav(page).getByText('办文', { exact: true }).click();
  await expect(page.getByTestId('od-count-todo')).toContainText('1');
  const row = page.getByTestId('official-doc-row').filter({ hasText: TITLE });
  await expect(row.getByTestId('urgency-tag')).toHaveText('加急');
  await expect(row.getByTestId('due-tag')).toHaveCount(withDeadline ? 1 : 0);
  if (withDeadline) await expect(row.getByTestId('due-tag')).toContainText('办理时限');
  await row.getByRole('link', { name: TITLE }).click();
  await expect(page.getByTestId('official-doc-title')).toHaveText(TITLE, { timeout: OPENING });
  await expect(editor(page)).toBeVisible({ timeout: OPENING });
}

/** Writes an opinion with a common phrase and a sentence of one's own, and sends it. */
async function giveOpinion(page: Page, button: '同意' | '签发', phrase: string, own: string): Promise<void> {
  await panel(page)
    .getByTestId(button === '同意' ? 'action-approve' : 'action-signOff')
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(phrase, { exact: true }).click();
  await dialog.getByTestId('opinion-text').click();
  await page.keyboard.press('End');
  await page.keyboard.type(own);
  await dialog.getByRole('button', { name: button === '同意' ? '提交' : '签发', exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Red pixels of a PDF page rendered at 50 dpi by pdftoppm, in a box given in points from the top left. */
function redPixels(file: string, page: number, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const prefix = `${file}-p${page}`;
  execFileSync('pdftoppm', ['-r', '50', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const ppm = fs.readFileSync(`${prefix}.ppm`);
  const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  const [width, height, offset] = [Number(m[1]), Number(m[2]), m[0].length];
  const s = 50 / 72;
  let count = 0;
  for (let y = Math.floor(box.y0 * s); y < Math.min(height, box.y1 * s); y++)
    for (let x = Math.floor(box.x0 * s); x < Math.min(width, box.x1 * s); x++) {
      const i = offset + (y * width + x) * 3;
      if (ppm[i]! > 180 && ppm[i + 1]! < 110 && ppm[i + 2]! < 110) count++;
    }
  return count;
}

test('a 通知 drafted, countersigned in parallel, signed off on a phone, numbered, sealed and verified', async ({
  browser,
}) => {
  // Five people, the editor in four browsers, a PDF laid out and sealed: minutes on a busy 2-core machine.
  test.setTimeout(300_000);
  const drafter = await person(browser);
  const office = await person(browser);
  await signInStaff(drafter, 'sunyue');
  await signInStaff(office, 'zhaojing');

  // The office registers its unit's seal with 孙悦 as its holder.
  const officeApi = await asBrowser(office);
  const session = (await (await officeApi.get('/api/auth/session')).json()) as { user: { unitId: string } };
  const sunyueId = await userId(office, 'sunyue', '孙悦');
  const registered = await officeApi.post('/api/seals', {
    unitId: session.user.unitId,
    name: '区政府办公室',
    holderIds: [sunyueId],
  });
  expect(registered.status()).toBe(201);

  // The office keeps a 通知 template for its unit: 版头, 主送, 抄送 and the opening line of the 正文.
  const OPENING_LINE = '为切实做好安全生产工作，经区政府同意，现就有关事项通知如下。';
  const template = await officeApi.post('/api/official-documents/templates', {
    name: '区政府办通知（安全生产）',
    kind: 'notice',
    issuerMark: '区政府办公室文件',
    mainRecipients: ['各街道办事处', '区政府各部门'],
    ccRecipients: ['区委办公室'],
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: OPENING_LINE }] }] },
  });
  expect(template.status()).toBe(201);

  // 1. 孙悦 drafts the 通知 from the template: its fields fill the form, the organisation's fill themselves.
  await mainNav(drafter).getByText('办文', { exact: true }).click();
  await drafter.getByRole('button', { name: '拟稿' }).click();
  const create = drafter.getByRole('dialog', { name: '拟稿' });
  await create.getByRole('combobox', { name: '模板' }).click();
  await chooseOption(drafter, '区政府办通知（安全生产）');
  await expect(create.getByText('区政府各部门')).toBeVisible();
  await create.getByLabel('标题').fill(TITLE);
  await create.getByRole('combobox', { name: '紧急程度' }).click();
  await chooseOption(drafter, '加急');
  await create.getByRole('button', { name: '创建并打开' }).click();
  await expect(drafter.getByTestId('official-doc-title')).toHaveText(TITLE, { timeout: OPENING });
  await expect(panel(drafter).getByText('区政府办公室文件')).toBeVisible();
  await expect(panel(drafter).getByText('区委办公室')).toBeVisible();
  await expect(editor(drafter)).toContainText(OPENING_LINE, { timeout: OPENING });

  // The format check runs beside the editor, on the text as it is typed.
  await caretToEnd(drafter);
  await drafter.keyboard.press('Enter');
  await drafter.keyboard.type('一、加强组织领导。各单位主要负责人要亲自部署。');
  await drafter.keyboard.press('Enter');
  // A wrong numbering form is found and pointed at.
  await drafter.keyboard.type('二.全面排查隐患。');
  const numbering = panel(drafter).locator('[data-testid="format-problem"][data-code="numbering_form"]');
  await expect(numbering).toBeVisible();
  await numbering.click();
  await expect.poll(() => drafter.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('二.全面排查隐患。');
  await drafter.keyboard.type('二、全面排查隐患。对重点行业领域开展拉网式排查。');
  await expect(panel(drafter).getByTestId('format-clean')).toBeVisible();

  // 2. 送审: 会签 by the two leaders in parallel (all must), then 签发 by the 区长.
  await panel(drafter).getByTestId('action-submit').click();
  const route = drafter.getByRole('dialog', { name: '送审' });
  const countersign = route.getByTestId('route-step-0');
  await expect(countersign.getByLabel('环节名称')).toHaveValue('会签');
  for (const [name, label] of [
    ['李华', '李华 · 区发展和改革委员会'],
    ['杨帆', '杨帆 · 区财政局'],
  ] as const) {
    await countersign.getByRole('combobox', { name: '人员' }).click();
    await countersign.getByRole('combobox', { name: '人员' }).fill(name);
    await chooseOption(drafter, label);
  }
  await countersign.getByRole('spinbutton').fill('2');
  const signOff = route.getByTestId('route-step-1');
  await signOff.getByRole('combobox', { name: '人员' }).click();
  await signOff.getByRole('combobox', { name: '人员' }).fill('陈明');
  await chooseOption(drafter, '陈明 · 区人民政府');
  await route.getByRole('button', { name: '送审', exact: true }).click();
  await expect(route).toBeHidden();
  await expect(drafter.getByTestId('official-doc-status')).toHaveText('流转中');
  await expect(panel(drafter).getByTestId('route-waiting')).toHaveText('等待：李华、杨帆');
  await expect(drafter.getByTestId('embedding-hint')).toContainText('正文只读');
  await expect(panel(drafter).getByTestId('route-handler').first()).toContainText('办理时限');

  // 催办: the drafter reminds both countersigners.
  await panel(drafter).getByTestId('action-urge').click();
  const urge = drafter.getByRole('dialog', { name: '催办' });
  await urge.getByLabel('催办内容').fill('请于明日下班前完成会签。');
  await urge.getByRole('button', { name: '催办', exact: true }).click();
  await expect(drafter.getByText('已催办 2 人')).toBeVisible();

  // 3. 李华 opens it from 待办, suggests a sentence (a tracked change) and gives a 会签意见.
  const lihua = await person(browser);
  await signInEnrolling(lihua, 'lihua');
  await openFromTodo(lihua, true);
  await expect(lihua.getByTestId('embedding-hint')).toContainText('修订建议');
  await caretToEnd(lihua);
  await lihua.keyboard.press('Enter');
  await lihua.keyboard.type('三、严格督促落实。');
  await expect(editor(lihua).locator('ins').filter({ hasText: '严格督促落实' })).toBeVisible();
  await expect(editor(drafter).locator('ins').filter({ hasText: '严格督促落实' })).toBeVisible();
  await giveOpinion(lihua, '同意', '同意', '建议增加督促落实的要求。');
  const sheet = (page: Page) => panel(page).getByTestId('opinion-sheet');
  await expect(sheet(lihua).getByTestId('opinion')).toHaveCount(1);
  await expect(sheet(lihua)).toContainText('同意建议增加督促落实的要求。');
  await expect(lihua.getByTestId('embedding-hint')).toHaveCount(0);
  await lihua.context().close();

  // 4. 杨帆 approves in parallel.
  const yangfan = await person(browser);
  await signInEnrolling(yangfan, 'yangfan');
  await openFromTodo(yangfan, true);
  await giveOpinion(yangfan, '同意', '同意', '');
  await expect(sheet(yangfan).getByTestId('opinion')).toHaveCount(2);
  await yangfan.context().close();

  // 5. 陈明 signs off on a phone: the 待办 list, the text, and the panel below it.
  const leader = await person(browser, { width: 375, height: 812 });
  await signInEnrolling(leader, 'chenming');
  await openFromTodo(leader, false);
  const textBox = (await leader.locator('.tb-paper').boundingBox())!;
  const panelBox = (await panel(leader).boundingBox())!;
  expect(panelBox.y).toBeGreaterThan(textBox.y + textBox.height - 1);
  expect(panelBox.width).toBeLessThanOrEqual(375);
  await expect(panel(leader).getByTestId('format-clean')).toBeVisible();
  const signButton = panel(leader).getByTestId('action-signOff');
  expect((await signButton.boundingBox())!.height).toBeGreaterThanOrEqual(40);
  await expect(sheet(leader).getByTestId('opinion-by')).toHaveText(['李华', '杨帆']);
  await giveOpinion(leader, '签发', '同意印发', '');
  await expect(leader.getByTestId('official-doc-status')).toHaveText('已签发');
  await expect(sheet(leader).getByTestId('opinion')).toHaveCount(3);
  await leader.context().close();

  // 6. The office numbers it.
  await office.goto(drafter.url());
  await expect(office.getByTestId('official-doc-title')).toHaveText(TITLE, { timeout: OPENING });
  await panel(office).getByTestId('action-number').click();
  await office.getByRole('button', { name: '确定' }).click();
  await expect(office.getByTestId('official-doc-number')).toHaveText(/^区政府办〔\d{4}〕\d+号$/);
  const number = (await office.getByTestId('official-doc-number').textContent())!;

  // 7. 孙悦, who holds the seal, seals it.
  await drafter.reload();
  await expect(drafter.getByTestId('official-doc-number')).toHaveText(number, { timeout: OPENING });
  await panel(drafter).getByTestId('action-seal').click();
  const sealDialog = drafter.getByRole('dialog', { name: '用印' });
  await expect(sealDialog.getByText('区政府办公室')).toBeVisible();
  await sealDialog.getByRole('button', { name: '用印', exact: true }).click();
  await expect(drafter.getByTestId('official-doc-status')).toHaveText('已用印', { timeout: OPENING });

  // 8. The sealed PDF: red 版头 and red seal at the date, verified intact; a changed copy is not.
  const [download] = await Promise.all([
    drafter.waitForEvent('download'),
    panel(drafter).getByTestId('download-pdf').click(),
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-od-'));
  const file = path.join(dir, 'sealed.pdf');
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain(number);
  const markTop = TYPE_AREA.top + 35 * MM;
  expect(
    redPixels(file, 1, {
      x0: TYPE_AREA.left,
      y0: markTop,
      x1: TYPE_AREA.left + TYPE_AREA.width,
      y1: markTop + 16 * MM,
    }),
  ).toBeGreaterThan(400);
  // The 成文日期: the last date standing alone as a word (the 版记's date is followed by 印发).
  let page = 0;
  const dates: Array<{ page: number; xMin: number; yMin: number; xMax: number; yMax: number }> = [];
  for (const line of execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">\d{4}年\d{1,2}月\d{1,2}日</.exec(line);
    if (m) dates.push({ page, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]! });
  }
  const sealedDate = dates.at(-1)!;
  expect(sealedDate).toBeDefined();
  expect(
    redPixels(file, sealedDate.page, {
      x0: sealedDate.xMin - 10 * MM,
      y0: sealedDate.yMin - 25 * MM,
      x1: sealedDate.xMax + 10 * MM,
      y1: sealedDate.yMax + 5 * MM,
    }),
  ).toBeGreaterThan(500);

  const bytes = fs.readFileSync(file);
  const { csrfToken } = (await (await drafter.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const verify = async (buffer: Buffer) => {
    const res = await drafter.request.post('/api/seals/verify', {
      headers: { 'x-csrf-token': csrfToken },
      multipart: { file: { name: 'sealed.pdf', mimeType: 'application/pdf', buffer } },
    });
    expect(res.ok()).toBe(true);
    return ((await res.json()) as { status: string }).status;
  };
  expect(await verify(bytes)).toBe('intact');
  const changed = Buffer.from(bytes);
  changed[Math.floor(changed.length / 3)]! ^= 0x20;
  expect(await verify(changed)).toBe('modified');
  fs.rmSync(dir, { recursive: true, force: true });

  // The trail: the timeline for all, and who read or downloaded it for the drafter.
  const trail = panel(drafter).getByTestId('trail');
  await expect(trail.getByTestId('trail-entry').filter({ hasText: '催办' })).toContainText('请于明日下班前完成会签。');
  await trail.getByRole('tab', { name: '查阅留痕' }).click();
  await expect(trail.getByTestId('access-log')).toContainText('李华');

  // Every list counts what it shows: the 公文 is in 孙悦's 我起草的, and in nobody's 待办 now.
  await mainNav(drafter).getByText('办文', { exact: true }).click();
  await expect(drafter.getByTestId('od-count-todo')).toContainText('0');
  await drafter.getByTestId('od-tab-mine').click();
  await expect(drafter.getByTestId('official-doc-row').filter({ hasText: TITLE })).toContainText(number);
});
