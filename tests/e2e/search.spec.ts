// Full-text search from the header: the office's 通知 (drafted from a template, signed off by 陈明 and numbered
// through the API) is found by 孙悦 by a phrase of its 正文 and by its 发文字号, the words marked in the title and the
// snippet, and the hit opens the 公文; 何军 of 区财政局, whom it was never sent to, finds nothing by either. The
// indexer follows the edits within seconds (TONGBAN_SEARCH_TICK_SECONDS, 2 by default): the results are reloaded until then.
import { expect, test, type Page } from './support/test.ts';
import { preparedNotice } from './support/officialDocs.ts';
import { asBrowser, signInEnrolling, signInStaff } from './support/tongban.ts';

const TITLE = '关于开展城区智慧水表改造试点工作的通知';
const PHRASE = '远传智慧水表';
const BODY = [
  '为提升供水管理水平，经区政府同意，决定在城关街道开展智慧水表改造试点，现将有关事项通知如下：',
  `一、试点范围。城关街道辖区内老旧小区共三千二百户，统一更换为${PHRASE}，实现用水数据自动采集。`,
  '二、工作要求。各相关单位要明确专人负责，按月报送进展情况。',
  '特此通知。',
];
const OPENING = 90_000;

/** Searches from the header box (Enter), and waits for the results page to answer. */
async function searchFromHeader(page: Page, words: string): Promise<void> {
  const box = page.getByRole('search', { name: '全文搜索' }).locator('input');
  await box.fill(words);
  await box.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === '/search' && url.searchParams.get('q') === words);
  await expect(page.getByTestId('search-total')).toHaveAttribute('data-q', words);
}

/** The hit for the 公文, once the index has it: the results page is reloaded until the indexer's next run. */
async function findHit(page: Page, words: string) {
  const hit = page.getByTestId('search-hit').filter({ hasText: TITLE });
  await searchFromHeader(page, words);
  await expect(async () => {
    if ((await hit.count()) === 0) {
      await page.reload();
      await expect(page.getByTestId('search-total')).toHaveAttribute('data-q', words);
    }
    await expect(hit).toHaveCount(1, { timeout: 1_000 });
    // Seconds when the machine is calm; the whole suite leaves the indexer a backlog on a busy 2-core machine.
  }).toPass({ timeout: OPENING });
  return hit;
}

test('search from the header finds a 公文 by a phrase of its text and by its 文号; another unit finds nothing', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const person = async () => (await browser.newContext()).newPage();
  const office = await person();
  const drafter = await person();
  const mayor = await person();
  await signInStaff(office, 'zhaojing');
  await signInStaff(drafter, 'sunyue');
  await signInEnrolling(mayor, 'chenming');
  // The 通知: from a template of the office, sent to 区发改委 only, signed off and numbered.
  const id = await preparedNotice(
    { office, drafter, mayor },
    { title: TITLE, body: BODY, mainRecipients: ['区发改委'], templateName: '区政府办通知（智慧水表试点）' },
  );
  const officeApi = await asBrowser(office);
  const doc = (await (await officeApi.get(`/api/official-documents/${id}`)).json()) as { number: { text: string } };
  const number = doc.number.text;
  expect(number).toMatch(/〔\d{4}〕\d+号$/);

  // By a phrase of the 正文: the hit's snippet marks it.
  let hit = await findHit(drafter, PHRASE);
  await expect(hit.getByTestId('search-hit-snippet').locator('mark').first()).toHaveText(PHRASE);
  await expect(hit).toContainText('公文');
  await expect(hit).toContainText('通知');

  // By its 文号: the number is marked in the title.
  hit = await findHit(drafter, number);
  await expect(hit.getByTestId('search-hit-title').locator('mark')).toHaveText(number);

  // The hit opens the 公文.
  await hit.getByTestId('search-hit-title').click();
  await expect(drafter).toHaveURL(new RegExp(`/official-documents/${id}$`));
  await expect(drafter.getByTestId('official-doc-title')).toHaveText(TITLE, { timeout: OPENING });

  // 何军 (区财政局) searches after the index has it, and finds neither, nor a count of it.
  const other = await person();
  await signInStaff(other, 'hejun');
  for (const words of [PHRASE, number]) {
    await searchFromHeader(other, words);
    await expect(other.getByTestId('search-total')).toHaveAttribute('data-total', '0');
    await expect(other.getByTestId('search-hit')).toHaveCount(0);
    await expect(other.getByText('没有找到可查看的结果')).toBeVisible();
  }
});
