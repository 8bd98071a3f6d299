// 分发 in three browsers: the office (赵静) distributes a sealed 通知 to 区发改委 and 区财政局 from the 分发 card,
// the units prefilled from its 主送; the two units' clerks (钱文, 唐敏), each with the 收文箱 open, see it arrive live
// and sign for it; the office's card shows each unit's status turn to 已签收 as they do. The 通知 is drafted, signed
// off, numbered and sealed through the API (the 办文 spec walks that path in the browser).
import { expect, test, type Browser, type Page } from './support/test.ts';
import { preparedNotice } from './support/officialDocs.ts';
import { mainNav, signInEnrolling, signInStaff } from './support/tongban.ts';

const TITLE = '关于做好2026年汛期值班工作的通知';
const BODY = [
  '为做好今年汛期值班工作，现将有关事项通知如下：',
  '一、严格值班制度',
  '各单位要落实24小时值班和领导带班制度。',
  '二、及时报送信息',
  '遇有险情要第一时间报告。',
  '特此通知。',
];

const OPENING = 90_000;

async function person(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test('the office distributes a sealed 通知; two units’ clerks see it arrive live and sign for it', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const office = await person(browser);
  const drafter = await person(browser);
  const mayor = await person(browser);
  await signInStaff(office, 'zhaojing');
  await signInStaff(drafter, 'sunyue');
  await signInEnrolling(mayor, 'chenming');
  // Drafted from a template of the office, signed off by 陈明, numbered by the office and sealed by 孙悦.
  const id = await preparedNotice(
    { office, drafter, mayor },
    {
      title: TITLE,
      body: BODY,
      mainRecipients: ['区发改委', '区财政局'],
      templateName: '区政府办通知（汛期值班）',
      sealName: '区政府办公室（分发）',
    },
  );

  // The two clerks watch their 收文箱.
  const clerks: Page[] = [];
  for (const name of ['qianwen', 'tangmin']) {
    const clerk = await person(browser);
    await signInStaff(clerk, name);
    await mainNav(clerk).getByText('收文箱', { exact: true }).click();
    await expect(clerk.getByTestId('inbox-page')).toBeVisible();
    await expect(clerk.getByTestId('inbox-count-pending')).toContainText('0');
    clerks.push(clerk);
  }

  // The office opens the 公文: its 主送 units are chosen already; it distributes.
  await office.goto(`/official-documents/${id}`);
  // The page opens with its 正文 (a collab connection): slow on a busy machine.
  await expect(office.getByTestId('official-doc-title')).toHaveText(TITLE, { timeout: OPENING });
  const card = office.getByTestId('distribution-card');
  await expect(card.getByTestId('distribute-form')).toBeVisible({ timeout: OPENING });
  await expect(card.getByRole('checkbox', { name: '区发展和改革委员会', exact: true })).toBeChecked();
  await expect(card.getByRole('checkbox', { name: '区财政局', exact: true })).toBeChecked();
  await card.getByTestId('distribute').click();
  await expect(card.getByTestId('distribution-row')).toHaveCount(2);
  for (const row of await card.getByTestId('distribution-row').all())
    await expect(row.getByTestId('distribution-status')).toHaveText('待签收');

  // Each clerk sees it arrive without a reload, and signs for it; the office sees the unit's status change.
  for (const [i, clerk] of clerks.entries()) {
    const row = clerk.getByTestId('inbox-row').filter({ hasText: TITLE });
    await expect(row).toBeVisible();
    await expect(clerk.getByTestId('inbox-count-pending')).toContainText('1');
    await row.getByTestId('sign-for').click();
    await expect(clerk.getByTestId('inbox-count-signed')).toContainText('1');
    const unit = i === 0 ? '区发展和改革委员会' : '区财政局';
    await expect(
      card.locator(`[data-testid="distribution-row"][data-unit="${unit}"]`).getByTestId('distribution-status'),
    ).toHaveText('已签收');
  }
  // A clerk reads the 公文 it signed for.
  await clerks[0]!.getByTestId('inbox-count-signed').click();
  await clerks[0]!.getByRole('link', { name: TITLE }).click();
  await expect(clerks[0]!.getByTestId('official-doc-title')).toHaveText(TITLE, { timeout: OPENING });
});
