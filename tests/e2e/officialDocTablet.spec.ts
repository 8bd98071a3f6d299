// On a tablet (768×1024, portrait, touch) the leader works through a 公文 the way they do at their desk: 陈明 finds the
// 通知 waiting for his 签发 in the 办文 list, reads its 正文, sees the format check and the opinion sheet, and signs it off
// with a common phrase and a sentence of his own; nothing on the page is wider than the screen, and the buttons are
// big enough for a finger.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/test.ts';
import { preparedNotice } from './support/officialDocs.ts';
import { mainNav, signInEnrolling, signInStaff } from './support/tongban.ts';

const TITLE = '关于做好2027年元旦春节期间城乡供水保障工作的通知';
const BODY = [
  '为确保元旦春节期间城乡供水安全稳定，现将有关事项通知如下：',
  '一、加强水源巡查。各供水单位要对水源地和取水设施开展一次全面巡查。',
  '二、做好应急准备。储备必要的抢修物资，落实24小时值班。',
  '特此通知。',
];
const TABLET = { width: 768, height: 1024 };
const OPENING = 30_000;

async function person(browser: Browser, tablet = false): Promise<Page> {
  const context = await browser.newContext(tablet ? { viewport: TABLET, isMobile: true, hasTouch: true } : {});
  return context.newPage();
}

test('a leader reads a 公文 and signs it off on a tablet', async ({ browser }) => {
  test.setTimeout(180_000);
  const office = await person(browser);
  const drafter = await person(browser);
  const leader = await person(browser, true);
  await signInStaff(office, 'zhaojing');
  await signInStaff(drafter, 'sunyue');
  await signInEnrolling(leader, 'chenming');
  await preparedNotice(
    { office, drafter, mayor: leader },
    {
      title: TITLE,
      body: BODY,
      mainRecipients: ['区发改委'],
      templateName: '区政府办通知（节日供水保障）',
      until: 'submitted',
    },
  );

  // From the 办文 list to the 公文.
  await mainNav(leader).getByText('办文', { exact: true }).click();
  const row = leader.getByTestId('official-doc-row').filter({ hasText: TITLE });
  await row.getByRole('link', { name: TITLE }).click();
  await expect(leader.getByTestId('official-doc-title')).toHaveText(TITLE, { timeout: OPENING });
  const editor = leader.getByTestId('editor');
  await expect(editor).toContainText('落实24小时值班', { timeout: OPENING });

  // Everything fits the screen: no sideways scrolling, the panel within the width, the sign-off button finger-sized.
  const panel = leader.getByTestId('official-doc-panel');
  await expect(panel.getByTestId('format-clean')).toBeVisible();
  expect(await leader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(TABLET.width);
  const panelBox = (await panel.boundingBox())!;
  expect(panelBox.x).toBeGreaterThanOrEqual(0);
  expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(TABLET.width);
  const signButton = panel.getByTestId('action-signOff');
  expect((await signButton.boundingBox())!.height).toBeGreaterThanOrEqual(40);

  // The 签发 with a common phrase and a sentence of his own, by touch.
  await signButton.tap();
  const dialog = leader.getByRole('dialog');
  await dialog.getByText('同意印发', { exact: true }).tap();
  await dialog.getByTestId('opinion-text').click();
  await leader.keyboard.press('End');
  await leader.keyboard.type('请发改委抓好落实。');
  await dialog.getByRole('button', { name: '签发', exact: true }).tap();
  await expect(dialog).toBeHidden();
  await expect(leader.getByTestId('official-doc-status')).toHaveText('已签发');
  const sheet = panel.getByTestId('opinion-sheet');
  await expect(sheet.getByTestId('opinion')).toHaveCount(1);
  await expect(sheet).toContainText('同意印发请发改委抓好落实。');
  await expect(sheet.getByTestId('opinion-by')).toHaveText(['陈明']);
});
